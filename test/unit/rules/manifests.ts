// Small manifest builders for the rule tables, so that positions are predictable:
// in `pod()` the image value is at line 8, column 14 and extra container lines start at line 9;
// in `deployment()` the image value is at line 10, column 18 and extra container lines start at line 11.

/** A Pod with one container named "web"; `extra` are more lines of that container (without indentation). */
export function pod(image: string, extra: readonly string[] = []): string {
  return [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: web',
    'spec:',
    '  containers:',
    '    - name: web',
    `      image: ${image}`,
    ...extra.map((line) => `      ${line}`),
    '',
  ].join('\n');
}

/** A Deployment with one container named "web"; `extra` are more lines of that container. */
export function deployment(image: string, extra: readonly string[] = [], podSpecExtra: readonly string[] = []): string {
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: web',
    `          image: ${image}`,
    ...extra.map((line) => `          ${line}`),
    ...podSpecExtra.map((line) => `      ${line}`),
    '',
  ].join('\n');
}
