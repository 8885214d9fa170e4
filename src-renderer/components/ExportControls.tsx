/** The export format picker and its button, shared by the Document and Revision views. */
import type { Ref } from 'react';
import type { CommandArgs } from '../../src-shared/commands';

/** What a document or a revision can be exported as (the exportDocument command's formats). */
export type ExportFormat = CommandArgs<'exportDocument'>['format'];

export function ExportControls(props: {
  /** The select's id (the native Export menu focuses it). */
  id: string;
  format: ExportFormat;
  onFormat: (format: ExportFormat) => void;
  onExport: () => void;
  buttonLabel: string;
  /** Disables the picker too. */
  disabled?: boolean;
  buttonDisabled?: boolean;
  selectRef?: Ref<HTMLSelectElement>;
  keyShortcut?: string;
}) {
  return (
    <span className="export-group">
      <label className="sr-only" htmlFor={props.id}>
        Export format
      </label>
      <select
        id={props.id}
        ref={props.selectRef}
        value={props.format}
        onChange={(e) => props.onFormat(e.target.value as ExportFormat)}
        disabled={props.disabled}
        aria-keyshortcuts={props.keyShortcut}
      >
        <option value="docx">Word (.docx)</option>
        <option value="md">Markdown (.md)</option>
        <option value="txt">Plain text (.txt)</option>
      </select>
      <button
        type="button"
        className="button"
        disabled={props.disabled || props.buttonDisabled}
        onClick={props.onExport}
      >
        {props.buttonLabel}
      </button>
    </span>
  );
}
