/**
 * `npm run eval:detector [-- --corpus DIR --lexicon FILE]`: the shipped detector's configuration
 * validated leave-one-out on the research corpus folder (default ../shared/corpus) and the npm
 * human prose — every source block, generator family and generation mode scored by a model
 * trained without it — printed as markdown tables beside the frozen v2 detector on the same
 * texts: AUROC, TPR at 1 % FPR, FPR and TPR at the threshold, per block, family, mode, human
 * domain and length bucket. `inkproof eval --corpus FILE` scores any labelled file with the
 * shipped model as it is.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import modelJson from '../src-workers/detect/model.json';
import { calibrateLength, type ModelJson } from '../src-workers/detect/model';
import {
  configById,
  docCalibration,
  holdOutGroups,
  loadContext,
  v2Scores,
  V2,
  validateDocs,
} from './lib/detector/pipeline';
import { validationTables } from './lib/detector/report';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const arg = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const corpus = arg('--corpus') ?? process.env.INKPROOF_CORPUS ?? path.resolve(ROOT, '../shared/corpus');
const lexicon =
  arg('--lexicon') ?? process.env.INKPROOF_LEXICON ?? path.resolve(ROOT, '../shared/lexicon/excess_words.csv');
const model = modelJson as unknown as ModelJson;
const log = (s: string) => console.error(s);

let ctx;
try {
  ctx = loadContext(ROOT, corpus, lexicon, log);
} catch (e) {
  console.error(`eval-detector: ${(e as Error).message}`);
  process.exit(2);
}
const config = configById(String(model.training.configuration));
const v = validateDocs(ctx, config, log);
const cal = docCalibration(ctx, v);
const calibrated = (l: number, w: number) => calibrateLength(cal, l, w);
console.log(`# ${model.id}: leave-one-out validation (configuration ${config.id}: ${config.name})`);
console.log('');
console.log(
  `Threshold ${model.threshold} %; v2: threshold ${V2.threshold} %, texts under ${V2.minWords} words declined.`,
);
console.log('');
for (const line of validationTables(ctx.rows, ctx.views, {
  block: v.prob,
  family: holdOutGroups(ctx, config, 'family', calibrated, log),
  mode: holdOutGroups(ctx, config, 'mode', calibrated, log),
  v2: v2Scores(ctx),
  threshold: model.threshold,
  v2Threshold: V2.threshold,
  v2MinWords: V2.minWords,
}))
  console.log(line);
