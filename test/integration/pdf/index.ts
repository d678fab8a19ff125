/**
 * Extension-host entry of the PDF suite. It runs in a window of its own: in browser-hosted VS Code
 * every webview shares one origin and service worker, and a webview opened while another is
 * starting can stall, so the PDF tab gets a workbench where it is the only webview.
 */
import { runSuite } from '../runSuite';

export function run(): Promise<void> {
  return runSuite('pdf', __dirname);
}
