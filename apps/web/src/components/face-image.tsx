/**
 * A dataset face, served through this app (see images/[id]/file/route.ts; with `perturbation`, the face rendered
 * under it, images/[id]/perturbed/[perturbation]/route.ts), or, where the dataset's terms keep its images private
 * (Dataset.imagesPrivate), a placeholder saying so: its labels and votes are shown all the same.
 */
export function FaceImage({
  id,
  isPrivate,
  alt,
  size,
  className,
  perturbation = null,
}: {
  id: string;
  isPrivate: boolean;
  alt: string;
  size: number;
  className: string;
  perturbation?: string | null;
}) {
  if (isPrivate)
    return (
      <span
        className={`${className} face-placeholder`}
        role="img"
        aria-label={`${alt ? `${alt}: ` : ''}image not shown, the dataset's terms keep its images private`}
        title="The dataset's terms keep its images private on this server; its labels and votes are public."
        style={{ width: size, height: size }}
        data-private-image={id}
      >
        private
      </span>
    );
  // eslint-disable-next-line @next/next/no-img-element -- a dataset face, shown as stored: no resizing
  const src = perturbation === null ? `/images/${encodeURIComponent(id)}/file` : `/images/${encodeURIComponent(id)}/perturbed/${encodeURIComponent(perturbation)}`;
  return <img className={className} src={src} alt={alt} width={size} height={size} loading="lazy" />;
}
