import { EMOTIONS, type Emotion } from '@ferbench/shared';

/** The emotions every one of the sets contains, in canonical order: the labels all raters can emit. */
export function commonEmotions(sets: readonly (readonly Emotion[])[]): Emotion[] {
  return EMOTIONS.filter((emotion) => sets.every((set) => set.includes(emotion)));
}
