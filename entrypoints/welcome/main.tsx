import { render } from 'preact';
import { Welcome } from '@/components/welcome/Welcome';
import { backgroundClient } from '@/utils/client';
import '@/components/theme.css';
import '@/components/welcome/welcome.css';

render(<Welcome client={backgroundClient} />, document.getElementById('app') as HTMLElement);
