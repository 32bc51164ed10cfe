/** What every resolver gets from the HTTP request. */
export interface RequestContext {
  /** Origin the client reached the API at (e.g. http://localhost:4000), for absolute links such as image URLs. */
  origin: string;
  /** The Authorization header, for the operations that need an API token. */
  authorization: string | undefined;
}
