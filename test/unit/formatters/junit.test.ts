import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeXmlAttribute, escapeXmlText } from '../../../src/formatters/escape-xml.js';
import { formatJunit } from '../../../src/formatters/junit.js';
import { cleanReport, fixtureReport, PLAIN } from './fixture-report.js';

const EXPECTED = `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="pullguard" tests="4" failures="3" errors="0">
  <testsuite name="k8s/webapi.yaml" tests="2" failures="1" errors="0" skipped="0">
    <testcase classname="k8s/webapi.yaml" name="Deployment/webapi (namespace prod), container webapi">
      <failure message="imagePullPolicy: Never, but aks nodes cannot see local images." type="never-pull-remote">error at 7:16: imagePullPolicy: Never, but aks nodes cannot see local images.
fix: Push the image to ACR (az acr build), then use IfNotPresent.</failure>
      <failure message="Tag latest moves; pin a version." type="latest-tag">warning at 7:16: Tag latest moves; pin a version.
fix: Use an immutable tag such as 1.4.2.</failure>
    </testcase>
    <testcase classname="k8s/webapi.yaml" name="Deployment/webapi (namespace prod), container sidecar">
      <system-out>info at 21:18: Registry checks did not run for ghcr.io/acme/sidecar:1.2. (registry-unchecked)</system-out>
    </testcase>
  </testsuite>
  <testsuite name="k8s/wörker.yaml" tests="2" failures="2" errors="0" skipped="0">
    <testcase classname="k8s/wörker.yaml" name="(document)">
      <failure message="Unexpected &quot;&lt;&quot; &amp; &apos;|&apos; at 50%: a,b&#10;next line \\u001b[31mred\\u001b[0m \\u202eevil" type="yaml-syntax">warning at 3:1: Unexpected "&lt;" &amp; '|' at 50%: a,b
next line \\u001b[31mred\\u001b[0m \\u202eevil</failure>
    </testcase>
    <testcase classname="k8s/wörker.yaml" name="Job/wörker-ü, container main">
      <failure message="Image &quot;\${REGISTRY}/wörker:1.0&quot; holds the variable \${REGISTRY}." type="placeholder-image">error at 12:20: Image "\${REGISTRY}/wörker:1.0" holds the variable \${REGISTRY}.
fix: Render the manifest (envsubst, helm template) before applying it.</failure>
    </testcase>
  </testsuite>
</testsuites>
`;

describe('junit formatter', () => {
  it('writes a suite per file, a case per object/container, a failure per error or warning, infos as output', () => {
    assert.equal(formatJunit(fixtureReport(), PLAIN), EXPECTED);
  });

  it('reports one passing case for a clean run, because CI systems reject empty reports', () => {
    assert.equal(
      formatJunit(cleanReport(), PLAIN),
      `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="pullguard" tests="1" failures="0" errors="0">
  <testsuite name="pullguard" tests="1" failures="0" errors="0" skipped="0">
    <testcase classname="pullguard" name="No problems found in 2 files (5 objects, 7 containers checked)"/>
  </testsuite>
</testsuites>
`,
    );
  });

  it('never lets manifest text open an element or end a CDATA-like section', () => {
    const report = cleanReport();
    report.findings.push({
      ruleId: 'latest-tag',
      severity: 'error',
      message: '</failure><failure type="x">]]>',
      file: 'a"b<c>.yaml',
      line: 1,
      column: 2,
      object: { apiVersion: 'v1', kind: 'Pod', name: "it's" },
      container: 'c&d',
    });
    const output = formatJunit(report, PLAIN);
    assert.equal(
      output.split('\n').slice(2, 6).join('\n'),
      `  <testsuite name="a&quot;b&lt;c&gt;.yaml" tests="1" failures="1" errors="0" skipped="0">
    <testcase classname="a&quot;b&lt;c&gt;.yaml" name="Pod/it&apos;s, container c&amp;d">
      <failure message="&lt;/failure&gt;&lt;failure type=&quot;x&quot;&gt;]]&gt;" type="latest-tag">error at 1:2: &lt;/failure&gt;&lt;failure type="x"&gt;]]&gt;</failure>
    </testcase>`,
    );
  });
});

describe('XML escaping', () => {
  const text: [string, string, string][] = [
    ['markup', `a < b & c > d "q" 'a'`, `a &lt; b &amp; c &gt; d "q" 'a'`],
    ['line breaks kept, CR as a reference', 'a\nb\r\nc\td', 'a\nb&#13;\nc\td'],
    ['C0 controls that XML 1.0 cannot carry', 'nul\u0000 bell\u0007 esc\u001b vt\u000b ff\u000c', 'nul\\u0000 bell\\u0007 esc\\u001b vt\\u000b ff\\u000c'],
    ['DEL, C1 and bidi controls made visible', 'del\u007f csi\u009b rlo\u202e', 'del\\u007f csi\\u009b rlo\\u202e'],
    ['non-characters', 'a\ufffeb\uffffc', 'a\\ufffeb\\uffffc'],
    ['lone surrogates', 'a\ud800b\udc00c', 'a\ufffdb\ufffdc'],
    ['unicode and astral characters untouched', 'wörker 名前 🐳', 'wörker 名前 🐳'],
  ];
  for (const [name, input, expected] of text) {
    it(`text: ${name}`, () => {
      assert.equal(escapeXmlText(input), expected);
    });
  }

  const attribute: [string, string, string][] = [
    ['markup and both quotes', `<a href="x">it's & more</a>`, '&lt;a href=&quot;x&quot;&gt;it&apos;s &amp; more&lt;/a&gt;'],
    ['whitespace that parsers would normalise', 'a\tb\nc\rd', 'a&#9;b&#10;c&#13;d'],
    ['controls', 'x\u0001y\u001bz', 'x\\u0001y\\u001bz'],
  ];
  for (const [name, input, expected] of attribute) {
    it(`attribute: ${name}`, () => {
      assert.equal(escapeXmlAttribute(input), expected);
    });
  }
});
