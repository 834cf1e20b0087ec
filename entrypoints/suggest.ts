export default defineUnlistedScript(() => ({ title: document.title }));
