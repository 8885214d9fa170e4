/** `inkproof analyze FILE…` (readable or --json) and `inkproof analyze --jsonl` (stdin → stdout). */
import { InkproofError } from '../../src-shared/errors';
import type { AnalysisResult } from '../../src-shared/models';
import { sectionSummary } from '../core/jobs/analyze';
import type { WorkerPool } from '../core/pool';
import { mapJsonl } from './jsonl';
import { analyzeText, extractFile } from './pipeline';
import { VERDICT_WORDS } from './verdict';

export async function analyzeFiles(
  pool: WorkerPool,
  files: string[],
  json: boolean,
  out: (s: string) => void,
): Promise<number> {
  const results = await Promise.all(
    files.map(async (file) => {
      try {
        const extracted = await extractFile(pool, file);
        return { file, result: await analyzeText(pool, extracted.text) };
      } catch (err) {
        return { file, error: InkproofError.is(err) ? err.message : String(err) };
      }
    }),
  );
  if (json) {
    out(
      JSON.stringify(
        results.map((r) => ('error' in r ? { file: r.file, error: r.error } : { file: r.file, ...r.result })),
        null,
        2,
      ) + '\n',
    );
  } else {
    for (const r of results) out('error' in r ? `${r.file}\n  Error: ${r.error}\n\n` : describe(r.file, r.result!));
  }
  return results.some((r) => 'error' in r) ? 1 : 0;
}

function describe(file: string, r: AnalysisResult): string {
  const lines = [file];
  const score = r.ai_confidence === null ? 'not scored' : `${r.ai_confidence.toFixed(1)}% likely AI-generated`;
  lines.push(`  ${score} — ${VERDICT_WORDS[r.verdict]} (${r.word_count} words, ${r.model})`);
  if (r.ai_share !== null)
    lines.push(`  ${Math.round(100 * r.ai_share)}% of the words are in passages judged AI-generated`);
  const notes = r.explanations.filter((e) => e.weight === 0);
  for (const n of notes) lines.push(`  Note: ${n.label}`);
  const signals = r.explanations.filter((e) => e.weight !== 0 && Math.abs(e.weight) >= 0.1).slice(0, 5);
  if (signals.length) {
    lines.push('  Signals:');
    for (const e of signals) lines.push(`    ${e.direction === 'ai' ? '▲' : '▼'} ${e.label}`);
  }
  if (r.critical_sections.length) {
    lines.push(`  Critical sections (${r.critical_sections.length}):`);
    for (const s of r.critical_sections) {
      const text = s.text.replace(/\s+/g, ' ');
      lines.push(
        `    ${s.confidence.toFixed(1)}%  [${s.start}–${s.end}]  “${text.length > 100 ? text.slice(0, 99) + '…' : text}”`,
      );
    }
  }
  return lines.join('\n') + '\n\n';
}

/** One line per input line, in order: {"id","ai_confidence","verdict","ai_share","critical_sections"} or {"id","error"}. */
export async function analyzeJsonl(pool: WorkerPool): Promise<number> {
  const { errors } = await mapJsonl(
    process.stdin,
    process.stdout,
    async (line) => {
      const r = await analyzeText(pool, line.text as string);
      return {
        id: line.id,
        ai_confidence: r.ai_confidence,
        verdict: r.verdict,
        ai_share: r.ai_share,
        critical_sections: r.critical_sections.map(sectionSummary),
      };
    },
    pool.threads * 4,
  );
  // Per-line errors are answered in-band; the run itself succeeded.
  void errors;
  return 0;
}
