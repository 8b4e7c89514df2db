export * from './transform.types';
export { applyTransform } from './apply-transform';
export { previewTransform, PreviewRow } from './preview-transform';
export { suggestTransform } from './suggest-transform';
