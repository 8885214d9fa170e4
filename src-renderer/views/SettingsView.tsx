/**
 * Settings: revision defaults, frozen terms, the theme and the import limit of this account; the
 * optional local LLM and the machine's import ceiling, which only the owner (or an admin) changes.
 */
import { useEffect, useState } from 'react';
import type { Settings, SettingsView as SettingsValues } from '../../src-shared/models';
import { LLM_KINDS } from '../../src-shared/constants';
import { ModeField, StrengthField } from '../components/RevisionFields';
import { BridgeError } from '../bridge/types';
import { useActions, useAppState } from '../app/context';
import { SyncSettings } from '../sync/SyncSettings';
import { Spinner, ViewHeading } from './common';

const MB = 1024 * 1024;
const toMb = (bytes: number) => String(Math.round((bytes / MB) * 10) / 10);

export function SettingsView() {
  const actions = useActions();
  const settings = useAppState((s) => s.settings);
  const [form, setForm] = useState<SettingsValues | null>(settings);
  const [frozen, setFrozen] = useState('');
  const [limitMb, setLimitMb] = useState('20');
  const [ceilingMb, setCeilingMb] = useState('20');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!settings) void actions.loadSettings().catch((err) => actions.toastError(err));
  }, [settings, actions]);
  useEffect(() => {
    if (settings && !form) {
      setForm(settings);
      setFrozen(settings.frozen_terms.join('\n'));
      setLimitMb(toMb(settings.limits.max_file_bytes));
      setCeilingMb(toMb(settings.machine_limits.max_file_bytes));
    }
  }, [settings, form]);

  if (!form) {
    return (
      <div className="view">
        <ViewHeading title="Settings" />
        <Spinner label="Loading…" />
      </div>
    );
  }

  const set = <K extends keyof Settings>(key: K, value: Settings[K]) => setForm({ ...form, [key]: value });
  const save = async () => {
    setSaving(true);
    setErrors({});
    try {
      const terms = frozen
        .split('\n')
        .map((t) => t.trim())
        .filter(Boolean);
      // Limits are sent only when edited: megabytes shown rounded must not turn into a raise.
      const machine = form.can_change_machine
        ? {
            llm: form.llm,
            ...(ceilingMb !== toMb(form.machine_limits.max_file_bytes)
              ? { machine_limits: { max_file_bytes: Math.round(Number(ceilingMb) * MB) } }
              : {}),
          }
        : {};
      const saved = await actions.saveSettings({
        revision: form.revision,
        frozen_terms: terms,
        theme: form.theme,
        ...machine,
        ...(limitMb !== toMb(form.limits.max_file_bytes)
          ? { limits: { max_file_bytes: Math.round(Number(limitMb) * MB) } }
          : {}),
      });
      setForm(saved);
      actions.toast({ kind: 'success', message: 'Settings saved.' });
    } catch (err) {
      if (err instanceof BridgeError && err.issues) {
        const e: Record<string, string> = {};
        for (const i of err.issues) e[i.path.replace(/^patch\./, '')] = i.message;
        setErrors(e);
      }
      actions.toastError(err, 'Settings not saved');
    } finally {
      setSaving(false);
    }
  };
  const err = (path: string) =>
    errors[path] ? (
      <span className="error-text" id={`err-${path.replace(/\W/g, '-')}`}>
        {errors[path]}
      </span>
    ) : null;
  const described = (path: string) => (errors[path] ? `err-${path.replace(/\W/g, '-')}` : undefined);

  return (
    <div className="view settings-view">
      <ViewHeading title="Settings" />
      <form
        className="form settings-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <fieldset className="card">
          <legend>Revision defaults</legend>
          <ModeField value={form.revision.mode} onChange={(mode) => set('revision', { ...form.revision, mode })} />
          <StrengthField
            value={form.revision.strength}
            onChange={(strength) => set('revision', { ...form.revision, strength })}
          />
          <label className="field">
            <span>What to revise</span>
            <select
              value={form.revision.scope}
              onChange={(e) =>
                set('revision', { ...form.revision, scope: e.target.value as Settings['revision']['scope'] })
              }
            >
              <option value="sections">Critical sections only</option>
              <option value="document">The whole document</option>
            </select>
          </label>
          <label className="field">
            <span>Reviser</span>
            <select
              value={form.revision.engine}
              onChange={(e) =>
                set('revision', { ...form.revision, engine: e.target.value as Settings['revision']['engine'] })
              }
            >
              <option value="rules">Built-in rules (offline)</option>
              <option value="llm">Local language model</option>
            </select>
          </label>
        </fieldset>

        <fieldset className="card">
          <legend>Frozen terms</legend>
          <label className="field block">
            <span>Words and phrases a revision must never change, one per line</span>
            <textarea
              rows={5}
              value={frozen}
              onChange={(e) => setFrozen(e.target.value)}
              aria-describedby={described('frozen_terms')}
            />
            {err('frozen_terms')}
          </label>
        </fieldset>

        <fieldset className="card" disabled={!form.can_change_machine}>
          <legend>Local language model (optional)</legend>
          <p className="muted">
            An OpenAI-compatible server (llama.cpp, LM Studio, Ollama’s /v1) or Ollama’s own API, on this machine.
            {form.can_change_machine ? '' : ' Set by the owner of this Inkproof.'}
          </p>
          <label className="field">
            <span>API</span>
            <select
              value={form.llm.kind}
              onChange={(e) => set('llm', { ...form.llm, kind: e.target.value as Settings['llm']['kind'] })}
            >
              {LLM_KINDS.map((k) => (
                <option key={k} value={k}>
                  {k === 'openai' ? 'OpenAI-compatible' : 'Ollama'}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Address</span>
            <input
              type="url"
              value={form.llm.url}
              onChange={(e) => set('llm', { ...form.llm, url: e.target.value })}
              placeholder="http://127.0.0.1:8081"
              aria-describedby={described('llm.url')}
            />
            {err('llm.url')}
          </label>
          <label className="field">
            <span>Model</span>
            <input
              type="text"
              value={form.llm.model}
              onChange={(e) => set('llm', { ...form.llm, model: e.target.value })}
              placeholder="e.g. llama3.1:8b"
              aria-describedby={described('llm.model')}
            />
            {err('llm.model')}
          </label>
          <label className="field">
            <span>Context (tokens)</span>
            <input
              type="number"
              min={256}
              value={form.llm.context_tokens}
              onChange={(e) => set('llm', { ...form.llm, context_tokens: Number(e.target.value) })}
              aria-describedby={described('llm.context_tokens')}
            />
            {err('llm.context_tokens')}
          </label>
          <label className="field">
            <span>Time-out (seconds)</span>
            <input
              type="number"
              min={1}
              value={form.llm.timeout_seconds}
              onChange={(e) => set('llm', { ...form.llm, timeout_seconds: Number(e.target.value) })}
              aria-describedby={described('llm.timeout_seconds')}
            />
            {err('llm.timeout_seconds')}
          </label>
        </fieldset>

        <fieldset className="card">
          <legend>Appearance</legend>
          <div role="radiogroup" aria-label="Theme" className="radios">
            {(['system', 'light', 'dark'] as const).map((t) => (
              <label key={t}>
                <input
                  type="radio"
                  name="theme"
                  value={t}
                  checked={form.theme === t}
                  onChange={() => {
                    set('theme', t);
                    // The theme applies at once.
                    actions.saveSettings({ theme: t }).catch((e) => actions.toastError(e));
                  }}
                />{' '}
                {t === 'system' ? 'Follow the system' : t === 'light' ? 'Light' : 'Dark'}
              </label>
            ))}
          </div>
        </fieldset>

        <fieldset className="card">
          <legend>Import</legend>
          <label className="field">
            <span>Largest file (MB)</span>
            <input
              type="number"
              min={1}
              step={1}
              value={limitMb}
              onChange={(e) => setLimitMb(e.target.value)}
              aria-describedby={described('limits.max_file_bytes')}
            />
            {err('limits.max_file_bytes')}
          </label>
          {form.can_change_machine ? (
            <label className="field">
              <span>Largest file any account may import (MB)</span>
              <input
                type="number"
                min={1}
                step={1}
                value={ceilingMb}
                onChange={(e) => setCeilingMb(e.target.value)}
                aria-describedby={described('machine_limits.max_file_bytes')}
              />
              {err('machine_limits.max_file_bytes')}
            </label>
          ) : (
            <p className="muted">This machine allows at most {toMb(form.machine_limits.max_file_bytes)} MB.</p>
          )}
        </fieldset>

        <div className="form-actions">
          <button type="submit" className="button primary" disabled={saving}>
            {saving ? 'Saving…' : 'Save settings'}
          </button>
        </div>
      </form>
      <SyncSettings />
    </div>
  );
}
