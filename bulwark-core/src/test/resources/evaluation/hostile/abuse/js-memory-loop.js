// hostile: buffers allocated without end
const hog = [];
while (true) hog.push(Buffer.alloc(100 * 1024 * 1024));
