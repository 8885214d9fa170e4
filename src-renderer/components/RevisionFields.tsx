/** The style and strength pickers, shared by the Revise dialog and the revision defaults in Settings. */
import type { RewriteMode } from '../../src-shared/models';
import { REWRITE_MODES } from '../../src-shared/constants';

const STRENGTH_LABELS: readonly [number, string][] = [
  [1, 'Light'],
  [2, 'Medium'],
  [3, 'Strong'],
];

export function ModeField({ value, onChange }: { value: RewriteMode; onChange: (mode: RewriteMode) => void }) {
  return (
    <label className="field">
      <span>Style</span>
      <select value={value} onChange={(e) => onChange(e.target.value as RewriteMode)}>
        {REWRITE_MODES.map((m) => (
          <option key={m} value={m}>
            {m[0].toUpperCase() + m.slice(1)}
          </option>
        ))}
      </select>
    </label>
  );
}

export function StrengthField({ value, onChange }: { value: number; onChange: (strength: number) => void }) {
  return (
    <label className="field">
      <span>Strength</span>
      <select value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {STRENGTH_LABELS.map(([n, label]) => (
          <option key={n} value={n}>
            {label}
          </option>
        ))}
      </select>
    </label>
  );
}
