// Documentation placeholders left in an image string: `REGISTRY_URL/app`, `<your-registry>/app`,
// `docker.io/{username}/app`, `myregistry.azurecr.io/app`, `aws_account_id.dkr.ecr.region.amazonaws.com/app`,
// `registry.example.com/app`. Copied from a README or a template, they never name a real image.
// Docs: ../../docs/rules/placeholder-registry.md (with the sources of every convention below).

export interface Placeholder {
  /** The placeholder text as written, e.g. `REGISTRY_URL`. */
  text: string;
  /** 0-based offset of `text` in the image string. */
  offset: number;
  /** Why it is taken for a placeholder, phrased to follow "is". */
  reason: string;
  /**
   * A word that documentation uses as a placeholder but that a real registry or account can also be
   * called (`contosoacr.azurecr.io`, `docker.io/username/app`): real until proven otherwise.
   */
  likely?: true;
}

/** A span to leave alone (template variables are reported by their own rule). */
export interface IgnoredSpan {
  offset: number;
  text: string;
}

// Upper-case words that stand for a value in docs (`PROJECT_ID`, `LOCATION-docker.pkg.dev`,
// `REGISTRY/APP:TAG`). Upper case is illegal in repository paths and never used in real host names,
// so an upper-case word from this list is a placeholder, while `NGINX:1.0` is just an invalid name.
const UPPER_WORDS: ReadonlySet<string> = new Set([
  'ACCOUNT', 'ACR', 'APP', 'CHANGEME', 'DOMAIN', 'ECR', 'ENV', 'FIXME', 'GCR', 'HOST', 'HOSTNAME', 'ID', 'IMAGE',
  'LOCATION', 'NAME', 'NAMESPACE', 'ORG', 'ORGANIZATION', 'OWNER', 'PLACEHOLDER', 'PROJECT', 'REGION', 'REGISTRY',
  'REPLACEME', 'REPO', 'REPOSITORY', 'SERVER', 'TAG', 'TBD', 'TENANT', 'TODO', 'URL', 'USER', 'USERNAME', 'VERSION',
]);

// Whole words (any case) that are placeholders wherever they appear.
const PLACEHOLDER_WORDS: ReadonlySet<string> = new Set([
  'changeme', 'change-me', 'change_me', 'replaceme', 'replace-me', 'replace_me', 'placeholder', 'fixme',
  'aws_account_id', 'aws-account-id', 'account_id', 'account-id', 'accountid',
  'registry_url', 'registry-url', 'registryurl', 'registry_host', 'registry-host', 'registry_server', 'registry-server',
  'docker-registry-url', 'container-registry-url',
  'dockerhub-username', 'docker-hub-username', 'docker-username',
]);

// Words documentation uses for a value to fill in that are also names someone may really use (a
// Docker Hub user called `username`, a GCP project called `my-project`): only "looks like".
const NAME_LIKE_WORDS: ReadonlySet<string> = new Set([
  'project_id', 'project-id', 'projectid', 'my-project', 'my-project-id', 'my_project', 'my-gcp-project',
  'username', 'user-name', 'user_name', 'dockerhub-user', 'dockerid', 'docker-id', 'docker_id',
]);

const YOUR_WORD =
  /^your[-_]?(registry|reg|repo|repository|user|username|name|org|organization|account|account[-_]?id|project|project[-_]?id|acr|ecr|gcr|image|app|company|domain|docker|dockerhub|docker[-_]?hub|docker[-_]?id|namespace|team|host|server|id|tenant|subscription|region|tag|version)([-_].*)?$/i;
const MY_REGISTRY_WORD = /^my[-_]?(container[-_]?)?(registry|reg|acr|ecr|gcr|repo|repository)([-_]?(name|url|host|server))?\d*$/i;
const X_RUN = /^[xX]{3,}$/;

const RESERVED_DOMAIN = /(^|\.)(example\.(com|net|org)|[^.]+\.(example|test|invalid))$|^(example|test|invalid)$/;
const ECR_HOST = /^([^.]+)\.dkr\.ecr(-fips)?\.([^.]+)\.amazonaws\.com(\.cn)?$/;
const AWS_REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
/** Account ids AWS documentation uses in its examples (docs.aws.amazon.com, e.g. the ECR user guide). */
const AWS_EXAMPLE_ACCOUNTS: ReadonlySet<string> = new Set(['123456789012', '111122223333', '444455556666']);
/** Microsoft's fictitious companies, used in Azure examples (`contoso.azurecr.io`). */
const FICTITIOUS_COMPANY = /^(contoso|fabrikam)/i;

/**
 * Every documentation placeholder in `image`, in order, without duplicates. Spans in `ignore` (template
 * variables) are masked first so that `${REGISTRY}` does not also count as a placeholder.
 */
export function findPlaceholders(image: string, ignore: readonly IgnoredSpan[] = []): Placeholder[] {
  const text = mask(image, ignore);
  const found: Placeholder[] = [];
  const add: Add = (offset, placeholder, reason, likely) => {
    if (!found.some((p) => offset < p.offset + p.text.length && p.offset < offset + placeholder.length)) {
      found.push(likely === true ? { text: placeholder, offset, reason, likely } : { text: placeholder, offset, reason });
    }
  };

  for (const match of text.matchAll(/<[^<>]*>?/g)) {
    add(match.index, match[0], 'an angle-bracket placeholder');
  }
  for (const match of text.matchAll(/\{[^{}]*\}/g)) {
    add(match.index, match[0], 'a brace placeholder');
  }
  registryPlaceholders(text, add);
  for (const match of text.matchAll(/[A-Za-z0-9_-]+/g)) {
    wordPlaceholder(match[0], match.index, add);
  }
  return found.sort((a, b) => a.offset - b.offset);
}

type Add = (offset: number, text: string, reason: string, likely?: true) => void;

function mask(image: string, ignore: readonly IgnoredSpan[]): string {
  let text = image;
  for (const span of ignore) {
    // `v` cannot start or complete any placeholder pattern below.
    text = text.slice(0, span.offset) + 'v'.repeat(span.text.length) + text.slice(span.offset + span.text.length);
  }
  return text;
}

function wordPlaceholder(word: string, offset: number, add: Add): void {
  if (X_RUN.test(word)) return add(offset, word, 'a run of x standing for a value to fill in');
  if (PLACEHOLDER_WORDS.has(word.toLowerCase())) return add(offset, word, 'a documentation placeholder');
  if (NAME_LIKE_WORDS.has(word.toLowerCase())) return add(offset, word, 'a word documentation uses for a value to fill in', true);
  if (YOUR_WORD.test(word)) return add(offset, word, 'a "your-…" documentation placeholder');
  if (MY_REGISTRY_WORD.test(word)) return add(offset, word, 'the registry name used in documentation examples', true);
  const upper = upperPlaceholder(word);
  if (upper !== undefined) {
    const whole = /^[A-Z0-9_-]+$/.test(word);
    add(whole ? offset : offset + upper.index, whole ? word : upper.token, 'an upper-case placeholder');
  }
}

function upperPlaceholder(word: string): { token: string; index: number } | undefined {
  let index = 0;
  for (const token of word.split(/[-_]/)) {
    if (/^[A-Z][A-Z0-9]*$/.test(token) && token.replace(/[0-9]/g, '').length >= 2) {
      const rest = token.startsWith('MY') ? token.slice(2) : token;
      if (UPPER_WORDS.has(token) || token.startsWith('YOUR') || UPPER_WORDS.has(rest)) return { token, index };
    }
    index += token.length + 1;
  }
  return undefined;
}

/** Placeholders that only make sense in the registry host: reserved domains and cloud naming conventions. */
function registryPlaceholders(text: string, add: Add): void {
  const slash = text.indexOf('/');
  if (slash <= 0) return;
  const first = text.slice(0, slash);
  if (!first.includes('.') && !first.includes(':')) return;
  const host = (first.startsWith('[') ? first : first.replace(/:\d*$/, '')).toLowerCase();
  if (RESERVED_DOMAIN.test(host)) {
    return add(0, first, 'a domain reserved for documentation (RFC 2606)');
  }
  if (FICTITIOUS_COMPANY.test(host)) {
    return add(0, host.split('.')[0] ?? host, "named after a Microsoft documentation company", true);
  }
  const ecr = ECR_HOST.exec(host);
  if (ecr !== null) {
    const account = ecr[1] ?? '';
    const region = ecr[3] ?? '';
    if (AWS_EXAMPLE_ACCOUNTS.has(account)) add(0, account, 'an AWS documentation example account id');
    else if (!/^\d{12}$/.test(account)) add(0, account, 'not a 12-digit AWS account id');
    if (!AWS_REGION.test(region)) {
      const at = host.indexOf(`.${region}.`) + 1;
      add(at, text.slice(at, at + region.length), 'not an AWS region');
    }
  }
}
