/**
 * Proxy texts for non-native (learner) English, written for this project's tests: short exam
 * and homework essays with simple vocabulary, fairly even sentences and small grammar slips
 * (agreement, articles, prepositions, tense), on several topics. No text comes from a corpus.
 *
 * They stand in for the writing that detectors are known to flag wrongly (Liang et al. 2023
 * found 61% of TOEFL essays flagged by seven detectors). The detector must keep each of them
 * well under its default threshold. The training script never reads them, so they check the model
 * from outside its training data (tests/unit/detect/learner.test.ts).
 */
export const LEARNER_ESSAYS: { topic: string; text: string }[] = [
  {
    topic: 'technology and children',
    text:
      'Nowadays many children have a smartphone when they are very young. Some parents think it is good, but other parents think it is dangerous. ' +
      'In this essay I will write about both opinions. ' +
      'First, a smartphone can be useful for children. They can call their parents when there is a problem, and they can find information for the homework very fast. ' +
      'My little brother use his phone to learn English words with a game, and his English is better now than before. ' +
      'Also the parents feel more safe when they know where is their child. ' +
      'But there is also many problems. Children spend too much time with the phone and they do not play outside with friends. ' +
      'Some of them do not sleep enough because they watch videos in the night. In my class there was a boy who play games until three o clock and then he was sleeping in the lesson. ' +
      'Also on the internet there are bad people and children can not always understand the danger. ' +
      'In my opinion, children can have a phone, but the parents must to control the time and the apps. ' +
      'For example they can say no phone after nine o clock or no phone at the dinner table. ' +
      'If the parents give good rules, the phone is more useful than dangerous.',
  },
  {
    topic: 'working from home',
    text:
      'After the pandemic a lot of companies let their workers to work from home. I think this change have advantages and disadvantages. ' +
      'The biggest advantage is that people do not lose time in the traffic. My father was driving one hour to his office and one hour back every day. ' +
      'Now he works at home three days in the week and he has more time for our family. He also save money for the petrol. ' +
      'Another advantage is that the workers can organise their day how they want. ' +
      'However, working at home is not easy for everybody. Some people feel alone because they do not see their colleagues. ' +
      'My aunt told me that she miss the coffee breaks and the jokes in the office. ' +
      'Also it is difficult to concentrate when the children are at home and the house is noisy. ' +
      'Sometimes the internet connection is bad and the meeting stop in the middle. ' +
      'I think the best solution is a mix. People can work at home two or three days and go to the office the other days. ' +
      'So they have the time and also the contact with other people. ' +
      'In the future I would like to have a job like this, because I like to be at home but I also like to meet new people.',
  },
  {
    topic: 'a person I admire',
    text:
      'The person who I admire the most is my grandmother. She was born in a small village in the mountains and she did not go to school for many years, because she had to help her parents with the animals. ' +
      'When she was twenty she moved to the city and she worked in a factory of shoes. ' +
      'She learned to read and write in the evening school after the work, and it was very hard for her. ' +
      'Later she opened a small shop of fruits and vegetables with my grandfather. ' +
      'Every morning she wake up at five o clock to buy the fresh products in the market. ' +
      'I remember when I was a child I went with her to the shop in the summer holidays. She always was smiling with the customers and she knew the name of everybody. ' +
      'If somebody did not have money, she gave them the bread and said they can pay next week. ' +
      'Now she is eighty years old and she still cook for all the family on Sunday. ' +
      'I admire her because she never give up, even when the life was difficult. ' +
      'She teach me that the work is important but the people are more important. ' +
      'I hope one day I can be strong and kind like her.',
  },
  {
    topic: 'public transport',
    text:
      'In my city the public transport is not very good, and I think the government should spend more money for it. ' +
      'Today most people go to work by car, because the buses are old and they are often late. ' +
      'In the morning there is a big traffic jam in the centre and the air is very polluted. ' +
      'When I go to the university by bus, sometimes I wait forty minutes at the bus stop, especially in the winter. ' +
      'If the buses was more frequent and more comfortable, many people will leave the car at home. ' +
      'Also the price of the ticket is high for the students and for old people. ' +
      'In other countries, for example in Germany, there are special cheap tickets for one month and the trains are very punctual. ' +
      'I visited my friend in Berlin last year and I was surprised how easy it was to travel without car. ' +
      'Of course, to build new lines of metro is very expensive and it takes many years. ' +
      'But I think it is a good investment for the future, because it is better for the environment and for the health of the people. ' +
      'The government can start with small changes, like more buses in the rush hour and a cheaper ticket for the young people.',
  },
  {
    topic: 'learning a foreign language',
    text:
      'I started to learn English when I was eight years old, but for many years I could not speak it well. ' +
      'In the school we learned a lot of grammar rules and lists of words, but we almost never speak in the class. ' +
      'The teacher was speaking in our language most of the time, so I was afraid to make mistakes. ' +
      'Everything changed when I was sixteen and I went to a summer camp in Ireland for three weeks. ' +
      'I lived with a family and I had to speak English all day, in the breakfast, in the bus and with the other students. ' +
      'In the first days it was very difficult and I was tired every evening. ' +
      'But after one week I understood much more and I was not so shy anymore. ' +
      'I think the best way to learn a language is to use it in the real life. ' +
      'Now I watch series in English with subtitles and I write messages with a friend from Canada. ' +
      'I still make mistakes with the prepositions and the tenses, but people understand me and this is the most important thing. ' +
      'In the future I want to learn also Spanish, because it is useful for the work and I like the music from Latin America.',
  },
  {
    topic: 'fast food',
    text:
      'Fast food is very popular in my country, especially between the young people. ' +
      'There are many restaurants of hamburgers and pizza near every school, and they are cheap and fast. ' +
      'I understand why students like it. After the lessons they are hungry and they have not much money, so a hamburger is a easy choice. ' +
      'Also it is a place to meet the friends and spend the time together. ' +
      'But fast food is not healthy if you eat it every day. It has too much fat, salt and sugar, and it has not enough vegetables. ' +
      'In the last years the number of children with overweight is growing, and the doctors say that one reason is the food. ' +
      'My cousin was eating fast food almost every day and he had problems with his stomach. ' +
      'Now he cook at home with his mother and he feel much better. ' +
      'I think the schools can help, for example they can give cheap and healthy lunch, and they can teach the students how to cook simple meals. ' +
      'The parents also have a role, because the children copy what they see at home. ' +
      'I do not think we must close the fast food restaurants, but we should eat there only sometimes, like a special occasion.',
  },
  {
    topic: 'a letter to a friend about a trip',
    text:
      'Dear Tom, thank you for your letter, I was very happy to hear from you. Sorry that I did not answer before, but I was very busy with my exams. ' +
      'Now I want to tell you about my trip to the seaside with my family last month. ' +
      'We stayed one week in a small hotel near the beach. The room was not big but it had a balcony and we could see the sea. ' +
      'Every day we was swimming in the morning and in the afternoon we walked in the old town. ' +
      'The food was delicious, I ate fish almost every day and my sister ate ice cream three times in a day. ' +
      'One day we took a boat to a little island. The weather was windy and my mother was feeling sick on the boat, but the island was beautiful and very quiet. ' +
      'We found a small beach with nobody and we stayed there until the evening. ' +
      'The only bad thing was that my father lost his sunglasses in the water. ' +
      'Next summer maybe you can come with us? My parents said it is no problem, and I think you will like it. ' +
      'Write me soon and tell me about your new school. Best wishes, Ana',
  },
  {
    topic: 'homework should be banned',
    text:
      'Some people say that homework should be banned in the primary school. I partly agree with this opinion. ' +
      'Young children already spend six or seven hours in the school every day. When they come back home they are tired and they need to play and rest. ' +
      'If they have a lot of homework, they have no time for sport, music or for their family. ' +
      'In my experience, when I was ten years old I had homework every evening and sometimes I was crying because I did not understand the exercises. ' +
      'My parents was working late and they could not help me. ' +
      'On the other side, a little homework can be useful. Children learn to be responsible and to organise their time. ' +
      'Also they can practise the things they learned in the lesson, for example the multiplication tables or the spelling of words. ' +
      'So I think the homework should not be banned, but it should be short and easy. ' +
      'Maybe twenty or thirty minutes is enough for a child. ' +
      'The teachers should give exercises that the children can do alone, without the help of the parents. ' +
      'In this way homework is not a stress for the family and the children can still enjoy their free time.',
  },
  {
    topic: 'exam-style: university education (taught connectives)',
    text:
      'Nowadays, with the development of society, more and more young people choose to go to university. Some people think university education is necessary for a successful life, while others disagree. ' +
      'In my opinion, going to university is important, but it is not the only way to success. ' +
      'Firstly, university gives students a lot of knowledge in their major. For example, a student who studies medicine must learn many things about the human body, and he can not learn this by himself. ' +
      'Moreover, the university is a good place to make friends and to learn how to live independently. ' +
      'When I was in my first year, I had to cook, wash my clothes and manage my money by myself, and this experience made me more mature. ' +
      'Furthermore, many companies only accept people with a degree, so it is easier to find a good job after graduation. ' +
      'However, university is also very expensive, and some families can not afford it. ' +
      'In addition, some successful people, such as Bill Gates and Steve Jobs, did not finish their university study. ' +
      'As a result, we can see that hard work and good ideas are also very important. ' +
      'In conclusion, although university education has many advantages, I believe that everyone should choose the way which is suitable for himself.',
  },
  {
    topic: 'exam-style: should students work part-time (taught connectives)',
    text:
      'It is a common phenomenon that many college students have a part-time job. There are different opinions about this. From my point of view, having a part-time job is beneficial for students. ' +
      'First of all, a part-time job can help students to earn some money. As we all know, the tuition fee and the living cost are very high nowadays. ' +
      'If students work in the weekend, they can reduce the burden of their parents. ' +
      'Secondly, working can improve the social skills of students. In the school, students only communicate with classmates and teachers, but in the work they must deal with different kinds of people. ' +
      'For instance, my roommate worked as a waiter in a restaurant last year, and now he is much more confident when he talk with strangers. ' +
      'Besides, students can learn what kind of job they like, which is helpful for their future career. ' +
      'Of course, some people worry that a part-time job will take too much time and students will get bad grades. ' +
      'This problem is real, but students can solve it if they make a good plan and do not work too many hours. ' +
      'Therefore, I think that the advantages of a part-time job are more than the disadvantages. ' +
      'To sum up, students should try to find a suitable part-time job, as long as it does not influence their study.',
  },
  {
    topic: 'exam-style: the environment (taught connectives, some academic words)',
    text:
      'Environmental problems are becoming more and more serious in the world. Air pollution, water pollution and climate change have a significant influence on our daily life. ' +
      'Some people believe that the government should take the main responsibility, but I think every person also plays an important role. ' +
      'On the one hand, the government has the power to make laws. For example, it can limit the number of factories near the cities and punish the companies which pollute the rivers. ' +
      'Also, the government can invest money in public transport and clean energy, such as solar power and wind power. ' +
      'On the other hand, individuals can do many small things to protect the environment. ' +
      'For instance, we can take the bus or ride a bicycle instead of driving a car. We can also save water and electricity at home, and we should not use so many plastic bags. ' +
      'In my hometown, many people start to sort their rubbish into different bins, and the streets become cleaner than before. ' +
      'Moreover, parents and teachers should educate children to love nature from a young age. ' +
      'If everyone changes a little, the result will be huge. ' +
      'In conclusion, protecting the environment is not only the duty of the government but also the duty of every citizen. Only when we work together can we have a better future.',
  },
];
