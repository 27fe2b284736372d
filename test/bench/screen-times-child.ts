/** `node screen-times-child.js FILE AT WINDOW RUNS`: prints `timeScreensHere`'s figures as JSON. */
import type { WindowKey } from '../../src/metrics/types.js';
import { timeScreensHere } from './screen-times.js';

const [file, at, window, runs] = process.argv.slice(2);
process.stdout.write(JSON.stringify(timeScreensHere(file!, Number(at), window as WindowKey, Number(runs))));
