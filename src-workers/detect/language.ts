/**
 * Which language a text is in: the detector scores English only, and the reviser revises English
 * only. Function words decide where they are clear (every sentence has them, whatever its topic);
 * franc's character trigrams decide the rest.
 */
import { franc } from 'franc';
import { words } from '../text/segment';
import { FUNCTION_GROUPS } from './lexicon';

// Languages franc may answer with; a closed list avoids rare look-alikes of English (Scots, Pidgin).
const LANGUAGES = [
  'eng',
  'deu',
  'fra',
  'spa',
  'ita',
  'por',
  'nld',
  'swe',
  'dan',
  'nob',
  'fin',
  'pol',
  'ces',
  'slk',
  'hun',
  'ron',
  'tur',
  'rus',
  'ukr',
  'bul',
  'ell',
  'cmn',
  'jpn',
  'kor',
  'arb',
  'heb',
  'hin',
  'ind',
  'vie',
  'tha',
  'cat',
  'hrv',
  'srp',
  'slv',
  'lit',
  'lav',
  'est',
  'tgl',
  'swh',
  'afr',
  'pes',
  'ben',
  'urd',
];

// Frequent English function words that are rare in other languages written in Latin script
// ("is", "on", "in", "was", "will", "an", "die" are left out: Dutch, French or German use them).
const ENGLISH_MARKERS = new Set([
  'the',
  'of',
  'and',
  'to',
  'that',
  'it',
  'for',
  'with',
  'as',
  'his',
  'they',
  'be',
  'at',
  'have',
  'this',
  'from',
  'or',
  'had',
  'by',
  'but',
  'what',
  'were',
  'we',
  'when',
  'your',
  'can',
  'said',
  'there',
  'which',
  'she',
  'do',
  'their',
  'if',
  'would',
  'been',
  'has',
  'who',
  'its',
  'did',
  'could',
  'them',
  'than',
  'then',
  'these',
  'some',
  'her',
  'him',
  'into',
  'our',
  'you',
  'i',
  'my',
  'he',
  'are',
  'not',
  'a',
  'should',
  'about',
  'just',
  'there',
  'because',
  'how',
  "it's",
]);

/**
 * Fast path for the common case: a text whose first 1,500 characters are at least 30% English
 * function words is English (other languages score a few percent). Anything else goes to franc.
 */
function clearlyEnglish(text: string): boolean {
  const words = text
    .slice(0, 1500)
    .toLowerCase()
    .match(/[a-z']+/g);
  if (!words || words.length < 30) return false;
  let n = 0;
  for (const w of words) if (ENGLISH_MARKERS.has(w)) n++;
  return n / words.length >= 0.3;
}

/**
 * Below this many words franc's character trigrams are unreliable: it called "Today, technology
 * plays a key part in our lives. It encourages innovation." French, and a one-line English
 * e-mail Danish. There the function words decide between English and franc's answer.
 */
const FRANC_RELIABLE_WORDS = 50;

/**
 * ISO 639-3 code of the text's language: "eng" for clearly English text, else franc's answer on
 * up to three 400-character samples ("und" if unsure) — for a short text, only where its function
 * words do not read as English.
 */
export function detectLanguage(text: string): string {
  if (clearlyEnglish(text)) return 'eng';
  let sample = text;
  if (text.length > 1200) {
    const mid = Math.floor(text.length / 2);
    sample = `${text.slice(0, 400)} ${text.slice(mid - 200, mid + 200)} ${text.slice(text.length - 400)}`;
  }
  const guess = franc(sample, { only: LANGUAGES, minLength: 20 });
  if (guess === 'eng') return guess;
  const fw = functionWordCounts(text);
  return fw.words < FRANC_RELIABLE_WORDS && fw.english > fw.foreign ? 'eng' : guess;
}

/** English function words (the detector's function-word profile). */
const ENGLISH_FUNCTION_WORDS = new Set(Object.values(FUNCTION_GROUPS).flat());

/**
 * The commonest function words of French, German, Spanish, Italian, Portuguese, Dutch and the
 * Scandinavian languages — none of them an English word in its own right ("in", "a", "was",
 * "die", "for"… are left out), nor the "et" and "al" of a citation.
 */
const FOREIGN_FUNCTION_WORDS = new Set(
  [
    'le la les des du est une dans pour pas sur au aux avec ce cette sont qui que nous vous ils elle mais ou où leur leurs nos notre très être été',
    'der das und ist nicht mit dem ein eine einen zu von auf für sich auch werden wird sind oder aber wie bei nach dass noch nur über durch',
    'el los las es una del por para se y en lo su sus pero como más este esta muy',
    'il di che è per non sono della delle dei gli nel nella anche più questo questa',
    'os não uma com do da dos das em mais mas',
    'het een van niet dat op te zijn voor met ook maar bij wordt deze',
    'og det er til på som af ikke jeg har den och att är inte jag ett av ikkje',
  ]
    .join(' ')
    .split(' '),
);

/** How many of a text's words are English function words, and how many another language's. */
export function functionWordCounts(text: string): { words: number; english: number; foreign: number } {
  const ws = words(text);
  let english = 0;
  let foreign = 0;
  for (const w of ws) {
    if (ENGLISH_FUNCTION_WORDS.has(w.norm)) english++;
    else if (FOREIGN_FUNCTION_WORDS.has(w.norm)) foreign++;
  }
  return { words: ws.length, english, foreign };
}
