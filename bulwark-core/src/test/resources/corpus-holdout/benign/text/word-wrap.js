// corpus: greedy word wrap and centred banner formatting with template literals and String.prototype methods
'use strict';

function wrap(text, width) {
  const words = text.split(/\s+/).filter(Boolean);
  const lines = [];
  let line = '';
  for (const w of words) {
    if ((line + ' ' + w).trim().length > width) {
      lines.push(line);
      line = w;
    } else {
      line = line ? `${line} ${w}` : w;
    }
  }
  if (line) lines.push(line);
  return lines;
}

function banner(lines, width) {
  const border = '+' + '-'.repeat(width + 2) + '+';
  const body = lines.map((l) => {
    const pad = width - l.length;
    return `| ${' '.repeat(Math.floor(pad / 2))}${l}${' '.repeat(Math.ceil(pad / 2))} |`;
  });
  return [border, ...body, border].join('\n');
}

const text = 'Sandboxes are only as strong as the policy that decides what may run inside them, so test the policy.';
console.log(banner(wrap(text, 30), 30));
