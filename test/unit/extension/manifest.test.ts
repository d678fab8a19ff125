import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { projectRoot } from '../../support/paths';

interface Manifest {
  name: string;
  main: string;
  activationEvents: string[];
  contributes: {
    commands: { command: string; title: string; category?: string; icon?: string }[];
    views: Record<string, { id: string }[]>;
    viewsContainers: { activitybar: { id: string; icon: string }[] };
    viewsWelcome: { view: string; contents: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
    configuration: { properties: Record<string, { markdownDescription?: string; description?: string }> };
  };
}

const manifest = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as Manifest;
const commandIds = new Set(manifest.contributes.commands.map((c) => c.command));

describe('package.json contributions', () => {
  it('never activates eagerly', () => {
    assert.ok(!manifest.activationEvents.includes('*'));
    assert.ok(!manifest.activationEvents.includes('onStartupFinished'));
  });

  it('names every command paperPractice.* with a title and the Paper Practice category', () => {
    for (const c of manifest.contributes.commands) {
      assert.match(c.command, /^paperPractice\.[a-zA-Z.]+$/);
      assert.ok(c.title.length > 0);
      assert.strictEqual(c.category, 'Paper Practice', c.command);
      if (c.icon) assert.match(c.icon, /^\$\([a-z-]+\)$/, `${c.command} should use a codicon`);
    }
  });

  it('puts only declared commands in menus, each under a when clause', () => {
    for (const [menu, items] of Object.entries(manifest.contributes.menus)) {
      for (const item of items) {
        assert.ok(commandIds.has(item.command), `${menu} uses undeclared ${item.command}`);
        if (menu !== 'commandPalette') assert.ok(item.when, `${menu} entry ${item.command} has no when clause`);
      }
    }
  });

  it('gives every view a welcome that links only to existing commands', () => {
    const views = Object.values(manifest.contributes.views).flat().map((v) => v.id);
    for (const view of views) {
      const welcomes = manifest.contributes.viewsWelcome.filter((w) => w.view === view);
      assert.ok(welcomes.length > 0, `${view} has no welcome content`);
      for (const w of welcomes) {
        assert.ok(!w.contents.includes('${'), `${view} welcome has an unsubstituted variable`);
        for (const [, id] of w.contents.matchAll(/\(command:([\w.]+)/g)) {
          assert.ok(commandIds.has(id) || id.startsWith('workbench.') || id.startsWith('vscode.'), `${view} links to ${id}`);
        }
      }
    }
  });

  it('ships the icons it points to', () => {
    for (const container of manifest.contributes.viewsContainers.activitybar) {
      assert.ok(fs.existsSync(path.join(projectRoot, container.icon)), container.icon);
    }
  });

  it('describes every setting under paperPractice.*', () => {
    for (const [key, schema] of Object.entries(manifest.contributes.configuration.properties)) {
      assert.match(key, /^paperPractice\./);
      assert.ok(schema.markdownDescription ?? schema.description, `${key} has no description`);
    }
  });
});

describe('architecture', () => {
  function sources(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
      const p = path.join(dir, d.name);
      return d.isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
    });
  }

  it('keeps the core free of the vscode module', () => {
    const offenders = sources(path.join(projectRoot, 'src', 'core')).filter((file) =>
      /(from\s+['"]vscode['"]|require\(\s*['"]vscode['"]\s*\))/.test(fs.readFileSync(file, 'utf8')),
    );
    assert.deepStrictEqual(offenders, []);
  });

  it('registers commands in one place only', () => {
    const registering = sources(path.join(projectRoot, 'src')).filter((file) =>
      fs.readFileSync(file, 'utf8').includes('registerCommand('),
    );
    assert.deepStrictEqual(registering.map((f) => path.relative(projectRoot, f)), [path.join('src', 'vscode', 'commands.ts')]);
  });
});
