// The recipes of the README: each block after a `<!-- recipe: name -->` marker.

export function readmeRecipes(readme: string): { name: string; text: string }[] {
  return [...readme.matchAll(/<!-- recipe: (\S+) -->\n```\w+\n([\s\S]*?)\n```/g)].map((match) => ({ name: match[1]!, text: match[2]! }));
}

/** The request of one `curl` line of the README: -X, -H, -d and -o, with shell quotes. */
export function parseCurl(line: string): { method: string; url: string; headers: Record<string, string>; body?: string; output?: string } {
  const words = [...line.matchAll(/'([^']*)'|(\S+)/g)].map((match) => match[1] ?? match[2]!).slice(1);
  const request: ReturnType<typeof parseCurl> = { method: 'GET', url: '', headers: {} };
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word === '-X') request.method = words[++i]!;
    else if (word === '-H') {
      const [name, ...value] = words[++i]!.split(':');
      request.headers[name!.trim()] = value.join(':').trim();
    } else if (word === '-d') {
      request.body = words[++i]!;
      if (request.method === 'GET') request.method = 'POST';
    } else if (word === '-o') request.output = words[++i]!;
    else request.url = word;
  }
  // curl sends -d data as a form unless told otherwise.
  if (request.body !== undefined && !Object.keys(request.headers).some((name) => name.toLowerCase() === 'content-type')) {
    request.headers['Content-Type'] = 'application/x-www-form-urlencoded';
  }
  return request;
}
