import { createTemplateRenderer } from 'nunjitsu';
import { TemplateRenderError, type TemplateEngine } from '../../../../src/core/scaffolder/template-engine.ts';

/**
 * A TemplateEngine over nunjitsu configured as Backstage's fetch:template configures it (regex execution allowed,
 * cookiecutter mode and whitespace options per render), without Backstage's filters: enough for the skeleton
 * rules, which are about paths and copying. The corpus comparison uses the real engine.
 */
export const createEngineDouble = (): TemplateEngine => ({
  renderText(source, scope, options = {}) {
    const renderer = createTemplateRenderer({ allowRegexExecution: true, ...options });
    try {
      return renderer.render(source, scope as never);
    } catch (error) {
      throw new TemplateRenderError(error instanceof Error ? error.message : String(error));
    }
  },
  renderValue: () => {
    throw new Error('not used by the skeleton tests');
  },
  checkSyntax: () => [],
});
