// Escaping for GitHub Actions workflow commands (`::error file=…,line=…::message`). The rules are
// those of the Actions toolkit, packages/core/src/command.ts in github.com/actions/toolkit
// (escapeData and escapeProperty): in the message `%` → %25, CR → %0D, LF → %0A; in property
// values additionally `:` → %3A and `,` → %2C. `%` goes first so that the escapes themselves are
// not escaped again.

export function escapeWorkflowData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeWorkflowProperty(text: string): string {
  return escapeWorkflowData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `::name key=value,key=value::message`; properties with an undefined value are left out. */
export function workflowCommand(name: string, properties: Record<string, string | number | undefined>, message: string): string {
  const pairs = Object.entries(properties)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${escapeWorkflowProperty(String(value))}`);
  return `::${name}${pairs.length === 0 ? '' : ` ${pairs.join(',')}`}::${escapeWorkflowData(message)}`;
}
