// The corpus as the CLI sees it, shared by the Playwright and the WebDriver tests.

// The speaker quoted in the most outlets (then the most often): Jan Egeland on the seeds.
export function mostQuoted(quotes, byId) {
  const speakers = {};
  for (const q of quotes) {
    if (!q.speaker || q.repeat_of !== null || q.kind === 'scare') continue;
    const s = (speakers[q.speaker] ??= { name: q.speaker, quotes: [], outlets: new Set() });
    s.quotes.push(q);
    s.outlets.add(byId[q.article].outlet);
  }
  return Object.values(speakers).sort((a, b) => b.outlets.size - a.outlets.size || b.quotes.length - a.quotes.length)[0];
}
