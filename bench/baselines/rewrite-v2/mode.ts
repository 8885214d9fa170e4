/** The modes rules-v2 knew (frozen here so later contract changes leave the baseline as it was). */
export type RewriteMode = 'standard' | 'formal' | 'casual' | 'concise';
