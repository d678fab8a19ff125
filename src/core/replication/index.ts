/** The replication feature's core, free of vscode: for the extension, the CLI and the tests. */
export * from './manifest';
export { createManifest, claimFromAbstract, defaultTolerance, type ManifestOptions } from './createManifest';
export { extractClaims, type AbstractClaim } from './claims/extract';
export { claimVerdict, VERDICTS, VERDICT_LABELS, type ClaimVerdict, type Verdict } from './verdict';
export { runStats, type RunStats } from './stats';
export { claimVerdictText, measuredText, reportedText, summarizeManifest, suggestStatus, type ManifestSummary } from './summary';
export { budgetStatus, estimateComputeHours, isOverBudget, NEAR_BUDGET, type BudgetState, type BudgetStatus, type ComputeEstimate } from './budget';
export { parseManifest, type ManifestParse, type ManifestProblem, type Position, type Range } from './parseManifest';
export { readManifestFile, updateManifest, ManifestError } from './manifestFile';
export { createScaffold, type ScaffoldOptions, type ScaffoldResult } from './scaffold';
export { artifactsMarkdown, DEFAULT_HF_URL, fetchHfArtifacts, HfError, noArtifacts, noneFoundText, type HfArtifacts, type HfOptions, type HfRepoRef } from './huggingFace';
export { renderReport } from './report';
export { notesSections, type ReportSection } from './notesSections';
export { buildNotebook } from './templates/notebook';
export { PYTHON_HELPER, PYTHON_HELPER_FILE } from './templates/pythonHelper';
export { ArtifactsLookup, type ArtifactsState, type FetchArtifacts } from './artifactsLookup';
export { addAssumption, assumptionForTopic, assumptionTextProblem, codeLocation, locationText, withAssumption, type AssumptionInput } from './assumptions';
