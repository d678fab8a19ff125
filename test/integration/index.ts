/** Extension-host entry of the main integration suite (views, commands, library, feeds). */
import { runSuite } from './runSuite';

export function run(): Promise<void> {
  return runSuite('main', __dirname);
}
