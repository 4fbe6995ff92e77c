import { describe, expect, it } from 'vitest';
import { reportHtml } from './report-html.js';

describe('reportHtml', () => {
  const content = {
    title: 'run <1>',
    metrics: [{ step: 1, generatorLoss: 0.5, time: '</script><b>' }],
    samples: [{ step: 1000, src: 'data:image/png;base64,AAAA' }],
    config: '{"train": {"seed": 0}}',
    writtenAt: '2025-01-01T00:00:00.000Z',
  };

  it('inlines the components, the metrics and the grids, with no outside reference', () => {
    const html = reportHtml(content, 'customElements.define("dcgan-training-view", X);');
    expect(html).toContain('<script>customElements.define("dcgan-training-view", X);</script>');
    expect(html).toContain('<img data-step="1000" src="data:image/png;base64,AAAA"');
    expect(html).toContain('"generatorLoss":0.5');
    expect(html).toContain('&#34;seed&#34;: 0');
    expect(html).not.toMatch(/<script[^>]+src=|<link|https?:\/\//);
  });

  it('keeps text from ending a script or making markup', () => {
    const html = reportHtml(content, 'const s = "</script>";');
    expect(html).toContain('const s = "<\\/script>";');
    expect(html).toContain('"time":"\\u003c/script>\\u003cb>"');
    expect(html).toContain('<code>run &#60;1&#62;</code>');
    expect(html.match(/<\/script>/g)).toHaveLength(3);
  });
});
