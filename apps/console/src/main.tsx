import '@fontsource/quicksand/400.css';
import '@fontsource/quicksand/600.css';
import '@fontsource/quicksand/700.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles.css';

// Links in path form (Slack's <CONSOLE_URL>/hitl/items/<id>) open the console's hash route for the item.
const deepLink = /\/hitl\/items\/([^/]+)\/?$/.exec(window.location.pathname);
if (deepLink) window.history.replaceState(null, '', `${import.meta.env.BASE_URL}#/hitl/${deepLink[1]}`);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
