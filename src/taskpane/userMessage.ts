/**
 * An error whose message is already the sentence to show (Vietnamese or English, from the
 * pane's strings or from the engine), as opposed to a fault that still needs describing.
 */
export class UserMessage extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserMessage';
  }
}
