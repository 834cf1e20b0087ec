/**
 * The article detector, cross-validated on every page of readability, non-articles and
 * news-dev: each page judged by a model trained (test/support/detector-training.ts, the code
 * `npm run train:detector` ships) without any page of its site, with a threshold chosen
 * without it too. Pages the cheap checks stop count as not articles, as in the extension.
 */

import { crossValidate, DEFAULT_OPTIONS } from '../../test/support/detector-training';
import type { EvalModule } from '../eval';
import { detectionTable } from '../lib/detector-report';
import { detectorPages } from '../train-detector';
import { runPages } from './page-run';

const detectorEval: EvalModule = {
  title: `Article detection, cross-validated: ${DEFAULT_OPTIONS.folds} folds grouped by site, readability + non-articles + news-dev`,
  async run(corporaDir) {
    const examples = runPages(detectorPages(corporaDir)).map((r) => r.example);
    process.stderr.write('\n');
    console.log(detectionTable(crossValidate(examples, DEFAULT_OPTIONS)));
  },
};

export default detectorEval;
