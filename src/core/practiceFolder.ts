/**
 * The files a new practice folder starts with. Kept in the core so the CLI and the extension lay it
 * out the same way.
 */
export interface StarterFile {
  relativePath: string;
  content: string;
}

export function practiceFolderFiles(libraryFolder: string): StarterFile[] {
  const folder = libraryFolder.replace(/^\/+|\/+$/g, '') || 'papers';
  return [
    {
      relativePath: 'README.md',
      content: [
        '# Paper practice',
        '',
        `Papers I read and replicate. Each paper has a folder under \`${folder}/\` with its \`notes.md\``,
        '(the front matter is the paper record, the body my reading notes) and, once I start one,',
        'its `replication/` scaffold.',
        '',
      ].join('\n'),
    },
    {
      relativePath: '.gitignore',
      content: ['# Downloaded PDFs, data and checkpoints stay out of git', '*.pdf', 'data/', 'checkpoints/', '.ipynb_checkpoints/', ''].join('\n'),
    },
    { relativePath: `${folder}/.gitkeep`, content: '' },
  ];
}

/** A folder name the user typed, checked before anything is created. */
export function validateFolderName(name: string): string | undefined {
  const trimmed = name.trim();
  if (!trimmed) return 'Enter a folder name.';
  if (/[\\/:*?"<>|]/.test(trimmed)) return 'A folder name cannot contain \\ / : * ? " < > |';
  if (trimmed === '.' || trimmed === '..') return 'Choose a real folder name.';
  return undefined;
}
