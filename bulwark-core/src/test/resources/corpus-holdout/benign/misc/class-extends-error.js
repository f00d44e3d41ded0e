// corpus: custom Error subclasses with class X extends Y, super, instanceof and this.constructor.name
'use strict';

class AppError extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = this.constructor.name;
  }
}
class ValidationError extends AppError {
  constructor(field, message) {
    super(`${field}: ${message}`);
    this.field = field;
  }
}
class NotFoundError extends AppError {}

function validate(user) {
  if (!user.email?.includes('@')) throw new ValidationError('email', 'must contain @');
  if (user.age < 0) throw new ValidationError('age', 'must be non-negative');
  return user;
}

for (const candidate of [{ email: 'a@b.c', age: 3 }, { email: 'nope', age: 1 }, { email: 'x@y.z', age: -2 }]) {
  try {
    validate(candidate);
    console.log('ok', candidate.email);
  } catch (err) {
    if (err instanceof ValidationError) console.log(err.name, err.field, err.message);
    else throw err;
  }
}
const wrapped = new NotFoundError('user 42 missing', { cause: new Error('db miss') });
console.log(wrapped.name, wrapped.cause.message, Object.getPrototypeOf(wrapped) === NotFoundError.prototype);
