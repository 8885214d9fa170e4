/**
 * `npm run eval:detector [-- --corpus FILE] [--json]`: the same evaluation as `inkproof eval`.
 * Note: on ../shared/corpus/train.jsonl the shipped model has seen every row in training, so
 * these figures are in-sample; the held-out figures are in docs/detector-training.md.
 */
import { evalCommand } from '../src-main/cli/eval';

const argv = process.argv.slice(2);
const at = argv.lastIndexOf('--corpus');
const corpus = at >= 0 ? argv[at + 1] : undefined;
if (!corpus) {
  console.error('usage: eval-detector --corpus FILE.jsonl [--json]');
  process.exit(2);
}
const code = await evalCommand({ corpus, json: argv.includes('--json') }, (line) => console.log(line));
process.exitCode = code;
