/**
 * The canonical emotion taxonomy, in AffectNet's order. Every dataset and model maps its own labels into it;
 * the database stores a label as its index in this list (smallint), so the order is part of the schema.
 */
export const EMOTIONS = ['neutral', 'happiness', 'sadness', 'surprise', 'fear', 'disgust', 'anger', 'contempt'] as const;

export type Emotion = (typeof EMOTIONS)[number];

export const EMOTION_COUNT = EMOTIONS.length;

export function isEmotion(value: unknown): value is Emotion {
  return typeof value === 'string' && (EMOTIONS as readonly string[]).includes(value);
}

export function emotionIndex(emotion: Emotion): number {
  return EMOTIONS.indexOf(emotion);
}

export function emotionAt(index: number): Emotion {
  const emotion = EMOTIONS[index];
  if (emotion === undefined) throw new RangeError(`no canonical emotion at index ${index} (0..${EMOTION_COUNT - 1})`);
  return emotion;
}

/** The emotions every one of the sets contains, in canonical order: the labels all raters can emit. */
export function commonEmotions(sets: readonly (readonly Emotion[])[]): Emotion[] {
  return EMOTIONS.filter((emotion) => sets.every((set) => set.includes(emotion)));
}
