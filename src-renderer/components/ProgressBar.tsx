/** A visible progress bar exposed as an ARIA progressbar with its value and a readable text. */
export function ProgressBar({
  value,
  label,
  valueText,
  indeterminate = false,
}: {
  value: number;
  label: string;
  valueText?: string;
  indeterminate?: boolean;
}) {
  const v = Math.max(0, Math.min(100, Math.round(value)));
  return (
    <div
      className={`progress${indeterminate ? ' indeterminate' : ''}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={indeterminate ? undefined : v}
      aria-valuetext={valueText ?? `${v}%`}
    >
      <div className="progress-fill" style={{ width: indeterminate ? '30%' : `${v}%` }} />
    </div>
  );
}
