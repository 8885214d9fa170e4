/**
 * Conflicting versions to review: for each document with more than one latest version, those
 * versions (which device made each, when, how long), the current one marked; keeping one makes a
 * new version with its text that every device gets.
 */
import { useState } from 'react';
import type { DocumentConflict } from '../../src-shared/sync';
import { useActions } from '../app/context';
import { href } from '../app/router';
import { formatAgo } from '../store/format';
import { useSync } from './model';

export function ConflictList() {
  const { view, model } = useSync();
  const actions = useActions();
  const [busy, setBusy] = useState<string | null>(null);
  if (view.conflicts.length === 0) return null;
  const keep = async (c: DocumentConflict, version: number) => {
    setBusy(`${c.document_id}:${version}`);
    try {
      await model.resolve(c.document_id, version);
      actions.toast({ kind: 'success', message: `Kept version ${version} of ${c.name} on every device.` });
    } catch (err) {
      actions.toastError(err, 'Could not settle the conflict');
    } finally {
      setBusy(null);
    }
  };
  return (
    <section className="sync-conflict-list" aria-labelledby="sync-conflicts-title">
      <h3 id="sync-conflicts-title">Conflicting versions to review</h3>
      <p className="muted">
        These documents were changed on two devices from the same version. Both versions are kept; the later one is
        shown. Keep one to settle it everywhere.
      </p>
      <ul>
        {view.conflicts.map((c) => (
          <li key={c.document_id} data-conflict-document={c.document_id}>
            <a href={href(`/documents/${c.document_id}`)}>{c.name}</a>
            <table className="sync-conflict-versions">
              <thead>
                <tr>
                  <th scope="col">Version</th>
                  <th scope="col">Made on</th>
                  <th scope="col">When</th>
                  <th scope="col">Words</th>
                  <th scope="col">
                    <span className="sr-only">Action</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {c.versions.map((v) => (
                  <tr key={v.version}>
                    <td>
                      {v.version}
                      {v.current && <span className="muted"> (shown)</span>}
                    </td>
                    <td>{v.device_name ?? 'this device'}</td>
                    <td>
                      <time dateTime={v.created_at}>{formatAgo(v.created_at)}</time>
                    </td>
                    <td>{v.word_count}</td>
                    <td>
                      <button
                        type="button"
                        className="button small"
                        disabled={busy !== null}
                        onClick={() => void keep(c, v.version)}
                      >
                        Keep this version
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </li>
        ))}
      </ul>
    </section>
  );
}
