// Checks the picture tests share: XML well-formedness of an SVG, and Mermaid labels that cannot break the syntax.

/** The first well-formedness error of an XML document (tags nest and close, attributes quoted), or undefined. */
export function xmlError(text: string): string | undefined {
  const body = text.replace(/<\?xml[\s\S]*?\?>/, '').replace(/<!DOCTYPE[^>]*>/, '').replace(/<!--[\s\S]*?-->/g, '');
  const stack: string[] = [];
  let roots = 0;
  const tag = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/g;
  let at = 0;
  for (let m = tag.exec(body); m; m = tag.exec(body)) {
    const between = body.slice(at, m.index);
    if (/[<>]/.test(between)) return `stray < or > before offset ${m.index}: ${between.slice(0, 60)}`;
    if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(between)) return `bare & in text near offset ${m.index}`;
    at = m.index + m[0].length;
    const [, close, name, , selfClosing] = m;
    if (close) {
      const open = stack.pop();
      if (open !== name) return `</${name}> closes <${open ?? 'nothing'}>`;
    } else if (!selfClosing) {
      if (!stack.length) roots += 1;
      stack.push(name!);
    } else if (!stack.length) roots += 1;
  }
  if (/[<>]/.test(body.slice(at))) return 'stray < or > after the last tag';
  if (stack.length) return `unclosed <${stack.join('> <')}>`;
  return roots === 1 ? undefined : `${roots} root elements`;
}

/** Markup the Mermaid emitter writes on purpose inside labels. */
const ALLOWED_TAGS = /<b>|<\/b>|<br\/>/g;

/** Problems of a Mermaid text: unbalanced quotes on a line, or syntax characters left raw inside a label. */
export function mermaidProblems(text: string): string[] {
  const problems: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trimStart().startsWith('%%')) return;
    if ((line.match(/"/g) ?? []).length % 2) problems.push(`line ${i + 1}: unbalanced quotes: ${line}`);
    for (const m of line.matchAll(/"([^"]*)"/g)) {
      const inner = m[1]!.replace(ALLOWED_TAGS, '');
      if (/[<>[\]{}()|`]/.test(inner)) problems.push(`line ${i + 1}: raw syntax character in label: ${m[1]}`);
    }
  });
  return problems;
}
