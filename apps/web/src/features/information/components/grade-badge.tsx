interface GradeBadgeProps {
  /** The written grade, e.g. "B2". */
  grade: string;
  /** The grade in words, e.g. "usually reliable source; information probably true". */
  meaning: string;
}

/** A source grade: the code as a badge (its meaning in the tooltip) and the meaning in words. */
export function GradeBadge({ grade, meaning }: GradeBadgeProps) {
  return (
    <span className="grade">
      <span className="visually-hidden">Grade </span>
      <span className="grade__code" title={meaning}>
        {grade}
      </span>
      <span className="grade__meaning">{meaning}</span>
    </span>
  );
}
