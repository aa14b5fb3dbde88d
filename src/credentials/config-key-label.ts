// Registry keys of docker configs are printed in sources and messages (they say which entry was
// used). A key may carry userinfo (`https://user:pass@host`, which Go's url.Parse accepts), so the
// printed form drops it.

export function configKeyLabel(configKey: string): string {
  return configKey.replace(/^((?:[A-Za-z][A-Za-z0-9+.-]*:)?\/\/)?[^/@]*@/, (_match, scheme: string | undefined) => `${scheme ?? ''}…@`);
}
