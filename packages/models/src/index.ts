// The model registry (cards checked against their ONNX files, stored in Postgres) and the zoo of published models.

export { ModelRegistryError, ModelRegistryErrorCode } from './model-registry-error.js';
export { type AddModelOptions, type AddModelResult, addModel } from './registry/add-model.js';
export { type RegisteredModel, registeredModel } from './registry/registered-model.js';
export { cachedModelFile, fetchModelFile, storeModelFile } from './registry/model-files.js';
export { SHIPPED_CARDS_DIR, shippedCardFiles } from './registry/shipped-cards.js';
export { type ZooManifest, type ZooModel } from './zoo/zoo-manifest.js';
export { ZOO_MANIFEST_PATH, loadZooManifest, zooModelIds } from './zoo/load-zoo-manifest.js';
export { type ZooInstallOptions, type ZooInstallResult, formatZooInstallResult, installZoo } from './zoo/install-zoo.js';
export { type ZooListing, formatZooListing, listZoo } from './zoo/zoo-listing.js';
export { preprocessingSummary } from './zoo/preprocessing-summary.js';
