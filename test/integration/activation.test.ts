import * as assert from 'assert';
import * as vscode from 'vscode';

const EXTENSION_ID = 'paper-practice.paper-practice';

interface Manifest {
  contributes: {
    commands: { command: string }[];
    views: Record<string, { id: string }[]>;
    configuration: { properties: Record<string, unknown> };
  };
}

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('Extension in the real extension host', () => {
  const extension = () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    if (!ext) throw new Error(`${EXTENSION_ID} is not installed in this host`);
    return ext;
  };
  const manifest = () => extension().packageJSON as Manifest;

  it('stays inactive until one of its views or commands is needed', () => {
    assert.strictEqual(extension().isActive, false);
  });

  it('activates when the Paper Practice container is opened', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.paperPractice');
    await waitFor(() => extension().isActive);
    assert.strictEqual(extension().isActive, true);
  });

  it('registers every contributed command, and no undeclared paperPractice command', async () => {
    const registered = new Set((await vscode.commands.getCommands(true)).filter((c) => c.startsWith('paperPractice.')));
    const contributed = manifest().contributes.commands.map((c) => c.command);
    assert.ok(contributed.length > 0);
    for (const id of contributed) assert.ok(registered.has(id), `${id} is contributed but not registered`);
    // VS Code adds `<viewId>.focus`-style commands for views; everything else must be declared.
    const viewIds = new Set(Object.values(manifest().contributes.views).flat().map((v) => v.id));
    const undeclared = [...registered].filter(
      (id) => !contributed.includes(id) && ![...viewIds].some((view) => id.startsWith(`${view}.`)),
    );
    assert.deepStrictEqual(undeclared, []);
  });

  it('shows the Feeds, Library and Practice views', async () => {
    const views = manifest().contributes.views.paperPractice.map((v) => v.id);
    assert.deepStrictEqual(views, ['paperPractice.feeds', 'paperPractice.library', 'paperPractice.practice']);
    const api = extension().exports as { views: { trees: Record<string, vscode.TreeView<unknown>> } };
    for (const id of views) {
      await vscode.commands.executeCommand(`${id}.focus`);
      const name = id.split('.')[1];
      await waitFor(() => api.views.trees[name].visible);
      assert.strictEqual(api.views.trees[name].visible, true, `${id} is not visible after focus`);
    }
  });

  it('reads its arXiv endpoints from settings (the test workspace points them at the local fake arXiv)', () => {
    const config = vscode.workspace.getConfiguration('paperPractice.arxiv');
    assert.match(config.get<string>('apiUrl') ?? '', /^http:\/\/127\.0\.0\.1:\d+\//);
    assert.match(config.get<string>('rssUrl') ?? '', /^http:\/\/127\.0\.0\.1:\d+/);
    const declared = Object.keys(manifest().contributes.configuration.properties);
    assert.ok(declared.includes('paperPractice.arxiv.apiUrl') && declared.includes('paperPractice.arxiv.rssUrl'));
  });
});
