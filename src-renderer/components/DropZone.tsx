/**
 * Dropping files anywhere on the window imports them; the Library shows a drop zone and a file
 * picker (also reachable with Ctrl/Cmd+O). The browser version uploads the files, the desktop app
 * passes their paths (webUtils.getPathForFile in the preload).
 */
import { useEffect, useRef, useState } from 'react';
import { useActions } from '../app/context';
import { navigate } from '../app/router';

export const ACCEPT = '.txt,.md,.markdown,.html,.htm,.docx,.pdf';

const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');

/** Window-wide drag and drop with a visible overlay while files are dragged over. */
export function WindowDrop() {
  const actions = useActions();
  const [over, setOver] = useState(false);
  const depth = useRef(0);
  useEffect(() => {
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth.current++;
      setOver(true);
    };
    const overFn = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setOver(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth.current = 0;
      setOver(false);
      const files = Array.from(e.dataTransfer?.files ?? []);
      if (files.length === 0) return;
      navigate('/');
      actions.importFiles(files).catch((err) => actions.toastError(err, 'Import failed'));
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', overFn);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', overFn);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [actions]);
  if (!over) return null;
  return (
    <div className="drop-overlay" aria-hidden="true">
      <p>Drop to import</p>
    </div>
  );
}

/** Opens the file picker from anywhere (menu, shortcut). */
export function openFilePicker(): void {
  document.getElementById('file-input')?.click();
}

export function DropZone() {
  const actions = useActions();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const onFiles = async (files: File[]) => {
    if (files.length === 0) return;
    setBusy(true);
    try {
      await actions.importFiles(files);
    } catch (err) {
      actions.toastError(err, 'Import failed');
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };
  return (
    <div className="dropzone" data-testid="dropzone">
      <p>
        <strong>Drop documents here</strong> to check them — .txt, .md, .html, .docx or .pdf.
      </p>
      <button
        type="button"
        className="button primary"
        onClick={() => input.current?.click()}
        disabled={busy}
        aria-keyshortcuts="Control+O"
      >
        {busy ? 'Importing…' : 'Choose files…'}
      </button>
      <input
        ref={input}
        id="file-input"
        type="file"
        multiple
        accept={ACCEPT}
        className="visually-hidden-input"
        aria-label="Choose documents to import"
        tabIndex={-1}
        onChange={(e) => void onFiles(Array.from(e.currentTarget.files ?? []))}
      />
    </div>
  );
}
