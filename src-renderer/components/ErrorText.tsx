/** An error in words next to what caused it, announced as an alert; nothing when there is none. */
export function ErrorText({ message }: { message: string | null }) {
  return message ? (
    <p className="error" role="alert">
      {message}
    </p>
  ) : null
}
