/**
 * The parts of the replication feature the editor needs only when asked: writing a scaffold
 * (notebook, helper, claims from the abstract) and the report. The extension loads them on first
 * use, from a bundle of their own, so start-up does not pay for most of the replication code.
 */
export { createScaffold, type ScaffoldOptions, type ScaffoldResult } from './scaffold';
export { renderReport } from './report';
