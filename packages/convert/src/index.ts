
export * from './conversion-error.js';
export * from './convert-model.js';
export { SUPPORTED_KERAS_LAYERS } from './keras/keras-layer.registry.js';
export { SUPPORTED_TF_OPS } from './tfjs/tf-op.registry.js';
export { FACE_EXPRESSION_INPUT, FACE_EXPRESSION_OUTPUT } from './faceapi/face-expression-net.converter.js';
export { SUPPORTED_TFLITE_OPS } from './tflite/tflite.converter.js';
