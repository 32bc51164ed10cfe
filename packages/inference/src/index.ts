// Inference as the card says: ONNX sessions and execution providers, decoding, preprocessing, faces, the photo path.

export { type Device, type ExecutionProviderChoice, DEVICES, chooseExecutionProviders } from './execution-providers.js';
export { InferenceError, InferenceErrorCode } from './inference-error.js';
export { ORT_VERSION, SESSION_OPTIONS, OrtModel } from './ort-model.js';
export { readModelCard } from './read-card.js';
export { type Pixels } from './pixels.js';
export { decodeImage } from './decode-image.js';
export { type ImageHeader, readImageHeader } from './image-header.js';
export { encodePng } from './encode-png.js';
export { resizeImage } from './resize-image.js';
export { toColourSpace } from './colour.js';
export { prepareImage } from './prepare-image.js';
export { batchDims, normalisationTables, tensorSize, writeTensor } from './tensor-layout.js';
export { type CanonicalPrediction, canonicalPredictor, softmax } from './postprocess.js';
export { sha256File, sha256Hex } from './sha256.js';
export { checkModelFile } from './onnx/check-model-file.js';
export { type OnnxDescription, type OnnxTensor, describeOnnx } from './onnx/describe-onnx.js';
export { inspectOnnx } from './onnx/inspect-onnx.js';
export { type OnnxHeader, readOnnxHeader } from './onnx/onnx-header.js';
export { type GraphSignature, cardGraphMismatches } from './onnx/onnx-card-check.js';
export { type DetectedFace, type FaceBox, type Point } from './faces/face.js';
export { type DetectorInfo, YUNET, YunetDetector } from './faces/yunet-detector.js';
export { faceInput } from './faces/face-input.js';
export { float32Face } from './faces/float32-face.js';
export { type Affine, applyAffine, invertAffine, similarityTransform } from './faces/similarity-transform.js';
export { warpAffine } from './faces/warp-affine.js';
export { PHOTO_MARGIN, type PhotoFace, type PhotoModel, type PhotoPrediction, type PhotoVote, type PredictPhotoOptions, predictPhoto, releasePhotoSessions } from './photo/predict-photo.js';
export * from './perturb/index.js';
