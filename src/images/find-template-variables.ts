// Template syntax left in an image string by a rendering step that did not run: `${VAR}`, `{{ .Values.x }}`,
// `#{VAR}#`, `ko://...`, and CI expressions (`${{ github.sha }}`, `$(Build.BuildId)`) a pipeline only
// expands in its own definition. Kubernetes never expands any of them in `image` (it expands `$(VAR)` only in
// command, args and env), so the kubelet asks for the literal text and the pod fails with
// InvalidImageName or ErrImagePull. Docs: ../../docs/rules/unresolved-variable.md.

export type TemplateSyntax =
  | 'dollar-double-braces'
  | 'shell-braced'
  | 'shell'
  | 'dollar-parentheses'
  | 'double-braces'
  | 'erb'
  | 'percent'
  | 'hash-braces'
  | 'double-underscore'
  | 'at-signs'
  | 'double-parentheses'
  | 'ko';

export interface TemplateVariable {
  /** The exact text of the template expression, e.g. `${REGISTRY}` or `{{ .Values.image.tag }}`. */
  text: string;
  /** The variable or expression inside, e.g. `REGISTRY` or `.Values.image.tag`. */
  name: string;
  /** 0-based offset of `text` in the image string. */
  offset: number;
  syntax: TemplateSyntax;
  /** The tool that was expected to replace it, phrased to follow "substituted by". */
  tool: string;
}

interface Pattern {
  syntax: TemplateSyntax;
  regex: RegExp;
  /** Capture group holding the name. */
  group: number;
}

// Order matters only for overlaps: the earlier pattern wins a tie at the same offset, and a longer
// match wins over one that starts inside it.
const PATTERNS: readonly Pattern[] = [
  // GitHub Actions and Azure Pipelines expressions: whole, or `${VAR}` would claim `${{ github.sha }`.
  { syntax: 'dollar-double-braces', regex: /\$\{\{\s*(.*?)\s*\}\}/g, group: 1 },
  { syntax: 'double-braces', regex: /\{\{-?\s*(.*?)\s*-?\}\}/g, group: 1 },
  // An unclosed `{{` (the rest of the line was cut or quoted away) still marks a template.
  { syntax: 'double-braces', regex: /\{\{(?![^]*\}\})-?\s*(.*)$/g, group: 1 },
  { syntax: 'erb', regex: /<%[=-]?\s*(.*?)\s*-?%>/g, group: 1 },
  { syntax: 'shell-braced', regex: /\$\{([^}]*)\}/g, group: 1 },
  { syntax: 'shell-braced', regex: /\$\{([A-Za-z_][A-Za-z0-9_]*)/g, group: 1 },
  { syntax: 'dollar-parentheses', regex: /\$\(\(?([^()]*)\)?\)/g, group: 1 },
  { syntax: 'shell', regex: /\$([A-Za-z_][A-Za-z0-9_]*)/g, group: 1 },
  { syntax: 'hash-braces', regex: /#\{([^}]*)\}#?/g, group: 1 },
  { syntax: 'percent', regex: /%([A-Za-z_][A-Za-z0-9_]*)%/g, group: 1 },
  { syntax: 'double-parentheses', regex: /\(\(\s*([^()]*?)\s*\)\)/g, group: 1 },
  // `__` is a legal separator inside a path component (`a__b`), so only a token that stands alone
  // between non-alphanumerics counts: `app:__BUILD_ID__`, `__REGISTRY__/app`.
  { syntax: 'double-underscore', regex: /(?<![A-Za-z0-9])__([A-Za-z][A-Za-z0-9_.-]*?)__(?![A-Za-z0-9])/g, group: 1 },
  // `@` also separates a digest (`app@sha256:...`), which never has a closing `@`.
  { syntax: 'at-signs', regex: /@([A-Za-z_][A-Za-z0-9_.-]*)@/g, group: 1 },
];

/** Go import-path roots that ko resolves when they are written without `ko://`; none of them serves a registry. */
export const KO_IMPORT_PATH_HOSTS: readonly string[] = [
  'github.com',
  'gitlab.com',
  'bitbucket.org',
  'golang.org',
  'gopkg.in',
  'k8s.io',
  'sigs.k8s.io',
  'knative.dev',
];

const KO_TOOL = 'ko (`ko resolve -f` or `ko apply -f` builds the Go package and writes the pushed image)';

/** Characters of an image string searched for templates: several times the longest valid reference. */
export const TEMPLATE_SEARCH_LIMIT = 2048;

/**
 * Every template expression in `image`, in order of appearance, without overlaps. An empty list means
 * the string holds no template syntax (it may still be invalid for other reasons).
 */
export function findTemplateVariables(fullImage: string): TemplateVariable[] {
  // Some patterns look ahead for a closing delimiter, which costs O(n²) on a hostile string of
  // openers; no valid reference is anywhere near this long, so only its start is searched.
  const image = fullImage.length > TEMPLATE_SEARCH_LIMIT ? fullImage.slice(0, TEMPLATE_SEARCH_LIMIT) : fullImage;
  const ko = koImportPath(image);
  if (ko !== undefined) return [ko];

  const found: TemplateVariable[] = [];
  for (const pattern of PATTERNS) {
    pattern.regex.lastIndex = 0;
    for (const match of image.matchAll(pattern.regex)) {
      const text = match[0];
      const name = (match[pattern.group] ?? '').trim();
      found.push({ text, name, offset: match.index, syntax: pattern.syntax, tool: toolFor(pattern.syntax, name) });
    }
  }
  found.sort((a, b) => a.offset - b.offset || b.text.length - a.text.length);
  const result: TemplateVariable[] = [];
  let end = -1;
  for (const variable of found) {
    if (variable.offset < end) continue;
    result.push(variable);
    end = variable.offset + variable.text.length;
  }
  return result;
}

function koImportPath(image: string): TemplateVariable | undefined {
  if (image.startsWith('ko://')) {
    return { text: image, name: image.slice('ko://'.length), offset: 0, syntax: 'ko', tool: KO_TOOL };
  }
  const slash = image.indexOf('/');
  if (slash > 0 && KO_IMPORT_PATH_HOSTS.includes(image.slice(0, slash))) {
    return { text: image, name: image, offset: 0, syntax: 'ko', tool: KO_TOOL };
  }
  return undefined;
}

/** Contexts of GitHub Actions expressions (docs.github.com, "Contexts reference"). */
const GITHUB_ACTIONS_CONTEXT = /^(github|env|vars|secrets|inputs|matrix|steps|needs|runner|strategy|job|jobs)\b/;
/** Azure Pipelines template expressions read these (learn.microsoft.com, "Template expressions"). */
const AZURE_TEMPLATE_CONTEXT = /^(variables|parameters)\b/;
/** Predefined Azure Pipelines variables (learn.microsoft.com, "Use predefined variables"), as `$(Build.BuildId)` macros name them. */
const AZURE_PREDEFINED_VARIABLE = /^(Agent|Build|Checks|Environment|Pipeline|Release|Resources|Strategy|System)\.[A-Za-z]/;

const NOT_IN_APPLIED_FILES = 'not in the files a step applies';

function toolFor(syntax: TemplateSyntax, name: string): string {
  switch (syntax) {
    case 'dollar-double-braces':
      if (GITHUB_ACTIONS_CONTEXT.test(name)) {
        return `GitHub Actions (it evaluates \`\${{ … }}\` in the workflow file only, ${NOT_IN_APPLIED_FILES})`;
      }
      if (AZURE_TEMPLATE_CONTEXT.test(name)) {
        return `Azure Pipelines (it expands \`\${{ … }}\` template expressions in the pipeline file only, ${NOT_IN_APPLIED_FILES})`;
      }
      return `GitHub Actions or Azure Pipelines (they evaluate \`\${{ … }}\` in the workflow or pipeline file only, ${NOT_IN_APPLIED_FILES})`;
    case 'shell-braced':
    case 'shell':
      return 'envsubst, the shell or CI step that renders this file, or Flux post-build substitution';
    case 'dollar-parentheses':
      if (AZURE_PREDEFINED_VARIABLE.test(name)) {
        return `Azure Pipelines (it expands \`$(…)\` macros in the pipeline file and task inputs only, ${NOT_IN_APPLIED_FILES})`;
      }
      return 'an Azure Pipelines macro or a Makefile variable expansion (Kubernetes expands $(VAR) only in command, args and env, never in image)';
    case 'double-braces':
      return /^\.?(Values|Release|Chart|Capabilities|Files|Template)\b/.test(name)
        ? 'Helm (`helm template` or `helm install` renders the chart)'
        : 'a template engine (Helm, gomplate, Jinja/Ansible, Argo Workflows parameters)';
    case 'erb':
      return 'an ERB or EJS template';
    case 'percent':
      return 'cmd.exe (%VAR% is expanded only inside Windows batch scripts)';
    case 'hash-braces':
      return 'a token-replacement step (Azure DevOps Replace Tokens `#{…}#`, Octopus Deploy `#{…}`)';
    case 'double-underscore':
      return 'a token-replacement step (Azure DevOps Replace Tokens `__…__`)';
    case 'at-signs':
      return 'Maven resource filtering (`@…@`)';
    case 'double-parentheses':
      return 'Concourse credential interpolation (`((…))`)';
    case 'ko':
      return KO_TOOL;
  }
}
