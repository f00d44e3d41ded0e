// corpus: ES classes with inheritance, getters, static members and private fields
class Account {
  static #nextId = 1;
  #balance = 0;

  constructor(owner) {
    this.id = Account.#nextId++;
    this.owner = owner;
  }

  get balance() {
    return this.#balance;
  }

  deposit(amount) {
    if (amount <= 0) throw new RangeError('amount must be positive');
    this.#balance += amount;
    return this;
  }

  withdraw(amount) {
    if (amount > this.#balance) throw new Error('insufficient funds');
    this.#balance -= amount;
    return this;
  }

  toString() {
    return `${this.constructor.name}#${this.id}(${this.owner}, ${this.balance.toFixed(2)})`;
  }
}

class SavingsAccount extends Account {
  constructor(owner, rate) {
    super(owner);
    this.rate = rate;
  }

  addInterest() {
    return this.deposit(this.balance * this.rate);
  }
}

const a = new Account('ana').deposit(100).withdraw(30);
const s = new SavingsAccount('bo', 0.05).deposit(200).addInterest();
console.log(String(a), String(s), s instanceof Account);
