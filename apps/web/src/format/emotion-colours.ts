import { type Emotion, isEmotion } from '@ferbench/shared';

/**
 * One colour per canonical emotion, everywhere on the dashboard (vote bars, probability bars, legends). Okabe–Ito's
 * colour-blind-safe palette, with grey for neutral; every chart that uses them also names the labels in text.
 */
export const EMOTION_COLOURS: Readonly<Record<Emotion, string>> = {
  neutral: '#8a8f98',
  happiness: '#e69f00',
  sadness: '#0072b2',
  surprise: '#56b4e9',
  fear: '#cc79a7',
  disgust: '#009e73',
  anger: '#d55e00',
  contempt: '#6a3d9a',
};

/** What is not an emotion (a human "unknown" or "not-a-face" vote). */
const OTHER_COLOUR = '#c9c9c4';

export function emotionColour(label: string): string {
  return isEmotion(label) ? EMOTION_COLOURS[label] : OTHER_COLOUR;
}
