// renderSummary: the stderr summary, exactly.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderSummary } from '../../../src/render/render-summary.js';

describe('renderSummary', () => {
  it('lists changes by line, then notes, problems and write errors, then the totals', () => {
    const text = renderSummary(
      [
        {
          file: 'web.yaml',
          changes: [
            { path: 'spec.containers[0].imagePullPolicy', at: [], before: 'Never', after: 'Always', object: 'Pod/web', line: 9 },
            { path: 'spec.containers[0].image', at: [], before: 'web:latest', after: 'acr.io/web:latest', object: 'Pod/web', line: 8 },
          ],
          notes: [{ path: 'spec.containers[1].image', at: [], message: 'not rendered: "<image>" still holds "<image>": give the whole image with --set image=IMAGE', object: 'Pod/web', line: 11 }],
        },
        { file: 'same.yaml', changes: [], notes: [] },
        { file: 'bad.yaml', problems: [{ line: 3, column: 7, message: 'this double-quoted string is never closed (missing ")' }] },
        { file: 'locked.yaml', changes: [], writeError: 'cannot write locked.yaml: permission denied (EACCES); the file is unchanged' },
      ],
      'aks',
      'written',
    );
    assert.equal(
      text,
      'web.yaml: 2 changes\n' +
        '  8: Pod/web spec.containers[0].image: web:latest → acr.io/web:latest\n' +
        '  9: Pod/web spec.containers[0].imagePullPolicy: Never → Always\n' +
        'web.yaml:11: Pod/web spec.containers[1].image: not rendered: "<image>" still holds "<image>": give the whole image with --set image=IMAGE\n' +
        'bad.yaml:3:7: not rendered: this double-quoted string is never closed (missing ")\n' +
        'locked.yaml: cannot write locked.yaml: permission denied (EACCES); the file is unchanged\n' +
        'render --target aks: 4 files, 1 changed (2 changes), 1 note, 2 not written\n',
    );
  });
});
